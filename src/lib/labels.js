// Names of segments and lifecycle stages in the report's language. A segment
// of a custom map has no translation: it is shown by its id.
export function segmentName(t, id) {
  return t.has(`segment.${id}`) ? t(`segment.${id}`) : id;
}

export function segmentText(t, id) {
  return t.has(`segment.${id}.description`) ? t(`segment.${id}.description`) : "";
}

export function stageName(t, stage) {
  return t.has(`lifecycle.${stage}`) ? t(`lifecycle.${stage}`) : stage;
}

export function stageText(t, stage) {
  return t.has(`lifecycle.${stage}.description`) ? t(`lifecycle.${stage}.description`) : "";
}
