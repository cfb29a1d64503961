export { LabelDataSchema, LabelInputError, MAX_LABELS_PER_BATCH, parseLabels, type LabelData, type LabelSort } from './label-data';
export { openLabelPdf, renderLabels, type RenderLabelsOptions } from './render';
