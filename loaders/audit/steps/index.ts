/** The audit's steps, in the order they run. */
import type {AuditStep} from "../context.ts";
import {ingestStep} from "./ingest.ts";
import {profileStep} from "./profile.ts";

export const STEPS: AuditStep[] = [ingestStep, profileStep];
