import type { MetaData } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import type { ReflectOptions } from "../reflect-options.js";

export function reflectMysql(_connection: DatabaseConnection, _options: ReflectOptions = {}): Promise<MetaData> {
  return Promise.reject(new Error("mysql: reflection lands in the next commit"));
}
