/** The audit's steps, in the order they run. */
import type {AuditStep} from "../context.ts";
import {ingestStep} from "./ingest.ts";
import {profileStep} from "./profile.ts";
import {matchingStep} from "./matching.ts";
import {qualityStep} from "./quality.ts";
import {valueStep} from "./value.ts";

export const STEPS: AuditStep[] = [ingestStep, profileStep, matchingStep, qualityStep, valueStep];
