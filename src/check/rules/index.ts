import type { Rule } from '../types.js';
import { budgetRateMismatch } from './budget-rate-mismatch.js';
import { dateOutOfRange } from './date-out-of-range.js';
import { indicatorScoreExceedsWeight } from './indicator-score-exceeds-weight.js';
import { indicatorTotalMismatch } from './indicator-total-mismatch.js';
import { missedTargetFullScore } from './missed-target-full-score.js';
import { missingDeviationReason } from './missing-deviation-reason.js';
import { noEmptyAnnex } from './no-empty-annex.js';
import { noEmptySection } from './no-empty-section.js';
import { noPlaceholderSection } from './no-placeholder-section.js';
import { noTemplateText } from './no-template-text.js';
import { numberingSequence } from './numbering-sequence.js';
import { numberingStyle } from './numbering-style.js';
import { percentOutOfRange } from './percent-out-of-range.js';
import { rateConsistency } from './rate-consistency.js';
import { requiredSection } from './required-section.js';
import { scoreGradeMismatch } from './score-grade-mismatch.js';
import { scoreMismatch } from './score-mismatch.js';
import { sectionOrder } from './section-order.js';
import { subtotalExceedsTotal } from './subtotal-exceeds-total.js';
import { weightTotal } from './weight-total.js';

/** Every rule, in the order the recommended preset runs them. Ids are public API. */
export const rules: readonly Rule[] = [
  requiredSection,
  sectionOrder,
  noEmptySection,
  noPlaceholderSection,
  noEmptyAnnex,
  noTemplateText,
  numberingStyle,
  numberingSequence,
  subtotalExceedsTotal,
  dateOutOfRange,
  percentOutOfRange,
  rateConsistency,
  scoreGradeMismatch,
  scoreMismatch,
  indicatorScoreExceedsWeight,
  indicatorTotalMismatch,
  weightTotal,
  missedTargetFullScore,
  missingDeviationReason,
  budgetRateMismatch,
];
