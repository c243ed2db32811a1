import {siteMeta} from "../../loaders/audit/site-data.ts";

process.stdout.write(siteMeta());
