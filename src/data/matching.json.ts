import {siteData} from "../../loaders/audit/site-data.ts";

process.stdout.write(await siteData("matching.json"));
