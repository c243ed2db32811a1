/** Every command of the CLI, in the order `assay --help` lists them. */
import type {Command} from "../command.ts";
import {profileCommand} from "./profile.ts";
import {sampleCommand} from "./sample.ts";
import {buildCommand} from "./build.ts";

export const COMMANDS: Command<never>[] = [profileCommand, buildCommand, sampleCommand] as unknown as Command<never>[];
