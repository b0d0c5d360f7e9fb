import { Dispatcher, type RegisterOptions } from "../ops/dispatcher.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import type { RenderContext } from "./render-context.js";

/**
 * Renders one op as the call(s) that rebuild it, without `await` or `;`:
 * `op.dropTable("user")`. Several strings are several statements.
 */
export type OpRenderer<O extends MigrateOperation = MigrateOperation> = (context: RenderContext, op: O) => string | readonly string[];

type OpClass<O extends MigrateOperation> = abstract new (...args: never[]) => O;

/**
 * The op → renderer registry, as the reference's `renderers`: built-ins
 * register through `setup()` exactly as a plugin's op does, lookup walks the
 * class chain and tries the dialect before `default`, and an op without a
 * renderer is an error.
 */
export class RendererRegistry {
  readonly #dispatcher = new Dispatcher<Function, OpRenderer<never>>("renderer");

  /** `renderers.dispatchFor(CreateSequenceOp)((ctx, op) => ...)`; returns the function, decorator style. */
  dispatchFor<O extends MigrateOperation>(opClass: OpClass<O>, options: RegisterOptions = {}) {
    return <F extends OpRenderer<O>>(renderer: F): F => {
      this.#dispatcher.register(opClass, renderer as OpRenderer<never>, options);
      return renderer;
    };
  }

  /** The renderer for `op` (MissingHandlerError when there is none). */
  lookup<O extends MigrateOperation>(op: O, dialect?: string): OpRenderer<O> {
    return this.#dispatcher.lookup(op.constructor, dialect) as OpRenderer<O>;
  }
}
