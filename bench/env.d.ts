declare module "vitest" {
  interface ProvidedContext {
    /** Base URL of the bench server started by bench/server.ts, e.g. "http://127.0.0.1:41234". */
    benchServer: string;
  }
}

export {};
