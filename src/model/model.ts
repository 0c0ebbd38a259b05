/** Placeholder: the PID-1 model is written next. */
export interface Pid1Model {
  readonly dockerfilePath: string;
}
