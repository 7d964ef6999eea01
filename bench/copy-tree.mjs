// A copy of a jixiao tree made with object literals, one per node shape: the least work
// any code returning this tree must do (allocate its objects), with no parsing at all.
// `npm run bench` compares remark-parse with it to show the ceiling on the ratios.

const point = (p) => ({ line: p.line, column: p.column, offset: p.offset });
const position = (p) => ({ start: point(p.start), end: point(p.end) });
const children = (list) => {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = copyTree(list[i]);
  return out;
};

export function copyTree(n) {
  switch (n.type) {
    case 'text':
    case 'template':
    case 'marker':
      return { type: n.type, value: n.value, position: position(n.position) };
    case 'money':
      return {
        type: n.type,
        value: n.value,
        amount: n.amount,
        min: n.min,
        max: n.max,
        approx: n.approx,
        unit: n.unit,
        currency: n.currency,
        position: position(n.position),
      };
    case 'count':
      return {
        type: n.type,
        value: n.value,
        amount: n.amount,
        min: n.min,
        max: n.max,
        approx: n.approx,
        unit: n.unit,
        subject: n.subject,
        position: position(n.position),
      };
    case 'percent':
    case 'measure':
      return {
        type: n.type,
        value: n.value,
        amount: n.amount,
        min: n.min,
        max: n.max,
        approx: n.approx,
        unit: n.unit,
        position: position(n.position),
      };
    case 'date':
      return {
        type: n.type,
        value: n.value,
        iso: n.iso,
        known: { year: n.known.year, month: n.known.month, day: n.known.day },
        implied: { year: n.implied.year },
        yearInferred: n.yearInferred,
        qualifier: n.qualifier,
        period: n.period,
        valid: n.valid,
        position: position(n.position),
      };
    case 'docRef':
      return {
        type: n.type,
        value: n.value,
        issuer: n.issuer,
        year: n.year,
        number: n.number,
        position: position(n.position),
      };
    case 'paragraph':
    case 'event':
    case 'lead':
    case 'sectionTitle':
    case 'reportTitle':
      return { type: n.type, children: children(n.children), position: position(n.position) };
    case 'listItem':
      return {
        type: n.type,
        marker: { raw: n.marker.raw, style: n.marker.style, ordinal: n.marker.ordinal },
        title: n.title,
        children: children(n.children),
        position: position(n.position),
      };
    case 'list':
      return {
        type: n.type,
        style: n.style,
        inline: n.inline,
        children: children(n.children),
        position: position(n.position),
      };
    case 'section':
      return {
        type: n.type,
        depth: n.depth,
        marker: { raw: n.marker.raw, style: n.marker.style, ordinal: n.marker.ordinal },
        runIn: n.runIn,
        children: children(n.children),
        position: position(n.position),
        placeholder: n.placeholder,
      };
    case 'placeholder':
      return { type: n.type, kind: n.kind, value: n.value, position: position(n.position) };
    default: {
      // Shapes that are rare in a report (report, label, field, toc, html): copied generically.
      const out = {};
      for (const key in n) {
        const v = n[key];
        out[key] = key === 'children' ? children(v) : key === 'position' ? position(v) : v;
      }
      return out;
    }
  }
}
