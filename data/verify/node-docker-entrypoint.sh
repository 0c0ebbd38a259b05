#!/bin/sh
# pid1-lint verify: stands in for the official node image's
# /usr/local/bin/docker-entrypoint.sh, written from its documented behaviour
# (pid1-facts.md §7): when the first argument is missing, is an option, is not
# a command, or is a file that is not executable, run it with node; then hand
# PID 1 over with exec.
set -e
first="${1-}"
if [ -z "$first" ] || [ "${first#-}" != "$first" ] || ! command -v "$first" >/dev/null 2>&1 || { [ -f "$first" ] && [ ! -x "$first" ]; }; then
  set -- node "$@"
fi
exec "$@"
