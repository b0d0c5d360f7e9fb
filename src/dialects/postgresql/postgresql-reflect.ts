import type { MetaData } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import type { ReflectOptions } from "../reflect-options.js";

export async function reflectPostgresql(_connection: DatabaseConnection, _options: ReflectOptions = {}): Promise<MetaData> {
  throw new Error("postgresql: reflection is not implemented yet");
}
