/** Every command of the CLI, in the order `assay --help` lists them. */
import type {Command} from "../command.ts";
import {profileCommand} from "./profile.ts";
import {sampleCommand} from "./sample.ts";
import {buildCommand} from "./build.ts";
import {rfmCommand} from "./rfm.ts";

export const COMMANDS: Command<never>[] = [profileCommand, buildCommand, rfmCommand, sampleCommand] as unknown as Command<never>[];
