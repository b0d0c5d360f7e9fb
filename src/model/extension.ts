import { HasInfo, type Info } from "./info.js";

/**
 * A PostgreSQL extension (`CREATE EXTENSION citext`). Extensions belong to
 * the database, not to a schema: `schema` is where the extension puts its
 * objects (undefined: the default schema), `version` is stated only when the
 * schema pins one (undefined: whatever the server installs by default).
 */
export class Extension extends HasInfo {
  readonly name: string;
  readonly schema?: string;
  readonly version?: string;
  /** The name: extensions are unique in a database. */
  readonly key: string;
  constructor(props: { name: string; schema?: string; version?: string; info?: Info }) {
    super(props.info);
    this.name = props.name;
    if (props.schema !== undefined) this.schema = props.schema;
    if (props.version !== undefined) this.version = props.version;
    this.key = props.name;
    Object.freeze(this);
  }
}
