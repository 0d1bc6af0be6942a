export type SimulatorLogFunction = (details: Record<string, unknown>, message?: string) => void;

/** The subset of a pino logger the simulator uses; a pino instance fits as is. */
export interface SimulatorLogger {
  debug: SimulatorLogFunction;
  info: SimulatorLogFunction;
  warn: SimulatorLogFunction;
  error: SimulatorLogFunction;
}

const ignore: SimulatorLogFunction = () => undefined;

export const silentLogger: SimulatorLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
