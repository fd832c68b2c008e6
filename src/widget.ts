/**
 * The `<qrouter-analyzer>` widget as a library entry: importing this module registers the element.
 *
 * ```html
 * <script type="module">
 *   import 'qrouter-web/widget';
 * </script>
 * <qrouter-analyzer tier="1" model-base-url="/models/"></qrouter-analyzer>
 * <qrouter-analyzer compact min-score="60"></qrouter-analyzer>  <!-- upload forms: emits `verdict` -->
 * ```
 * Styles are constructed stylesheets, so the element works under `style-src 'self'`.
 * @packageDocumentation
 */
import { defineAnalyzerElement } from './ui/analyzer-element.ts';

export { QRouterAnalyzerElement, defineAnalyzerElement } from './ui/analyzer-element.ts';
export type { AnalyzerState, AnalyzerStateDetail, AnalyzeFn, VerdictDetail } from './ui/analyzer-element.ts';

defineAnalyzerElement();
