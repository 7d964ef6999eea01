/**
 * Registers jixiao's node types in the mdast content maps (module augmentation), so
 * unified utilities typed over mdast (unist-util-visit, mdast-util-to-string) accept
 * and narrow them.
 */
import type {
  Count,
  DateFigure,
  DocRef,
  Event,
  Field,
  Label,
  Lead,
  Marker,
  Measure,
  Money,
  Percent,
  Placeholder,
  ReportTitle,
  Section,
  SectionTitle,
  Template,
  Toc,
} from './schema.js';

declare module 'mdast' {
  interface RootContentMap {
    section: Section;
    sectionTitle: SectionTitle;
    reportTitle: ReportTitle;
    label: Label;
    field: Field;
    toc: Toc;
    placeholder: Placeholder;
  }
  interface PhrasingContentMap {
    marker: Marker;
    template: Template;
    lead: Lead;
    event: Event;
    money: Money;
    count: Count;
    percent: Percent;
    measure: Measure;
    date: DateFigure;
    docRef: DocRef;
  }
}

export {};
