/** Worker thread of the address scores: gets `[x, y]` rows, answers `[score]` (see comparisons.ts). */
import {serveRows} from "../parallel/worker-pool.ts";
import {addressScore} from "./address-score.ts";

serveRows(([x, y]) => [addressScore(x as string | null, y as string | null)]);
