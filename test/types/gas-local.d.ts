// Types for gas-local (it ships none): loads every .js file of a folder into one vm context.
declare module 'gas-local' {
  import type { Context } from 'node:vm';
  const gasLocal: {
    require(folder: string, globalObject?: object, options?: { filter?: (file: string) => boolean }): Context;
  };
  export default gasLocal;
}
