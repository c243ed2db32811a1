/** Every command of the CLI, in the order `assay --help` lists them. */
import type {Command} from "../command.ts";
import {profileCommand} from "./profile.ts";
import {sampleCommand} from "./sample.ts";
import {buildCommand} from "./build.ts";
import {auditCommand} from "./audit.ts";
import {checkCommand} from "./check.ts";
import {rfmCommand} from "./rfm.ts";
import {matchCommand} from "./match.ts";
import {pdfCommand} from "./pdf.ts";

export const COMMANDS: Command<never>[] = [profileCommand, auditCommand, checkCommand, buildCommand, matchCommand, rfmCommand, pdfCommand, sampleCommand] as unknown as Command<never>[];
