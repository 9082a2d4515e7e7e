// The annex templates (templates/*.html) as the bundle carries them: setup uploads each into Drive as a Google Doc.
import type { AnnexNo } from '../core/model';
import annex3 from '../../templates/annex3.html';
import annex4 from '../../templates/annex4.html';
import annex5 from '../../templates/annex5.html';
import annex6 from '../../templates/annex6.html';
import annex7 from '../../templates/annex7.html';

/** The HTML source of each annex's template. */
export const TEMPLATE_HTML: Readonly<Record<AnnexNo, string>> = {
  3: annex3,
  4: annex4,
  5: annex5,
  6: annex6,
  7: annex7,
};
