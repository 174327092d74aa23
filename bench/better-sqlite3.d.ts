/** The little of better-sqlite3 that bench/storage.ts uses (the package ships no types; bench-only devDependency). */
declare module "better-sqlite3" {
  namespace Database {
    interface Statement {
      readonly reader: boolean;
      all(params?: Record<string, unknown>): unknown[];
      get(...params: unknown[]): unknown;
      run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
    }
    interface Database {
      prepare(sql: string): Statement;
      exec(sql: string): void;
      function(name: string, fn: (...args: unknown[]) => unknown): Database;
      pragma(sql: string, options?: { simple: boolean }): unknown;
      transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
      close(): void;
    }
  }
  const Database: new (file: string) => Database.Database;
  export default Database;
}
