/**
 * The `<qrouter-analyzer>` widget as a library entry: importing this module registers the element.
 *
 * ```html
 * <script type="module">
 *   import 'qrouter-web/widget';
 * </script>
 * <qrouter-analyzer tier="1" model-base-url="/models/"></qrouter-analyzer>
 * ```
 * @packageDocumentation
 */
import { defineAnalyzerElement } from './ui/analyzer-element.ts';

export { QRouterAnalyzerElement, defineAnalyzerElement } from './ui/analyzer-element.ts';
export type { AnalyzerState, AnalyzerStateDetail, AnalyzeFn } from './ui/analyzer-element.ts';

defineAnalyzerElement();
