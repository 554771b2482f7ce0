/**
 * The React functions the hooks use, imported from React in this one module.
 *
 * Why: when React stays external (a CDN build, an import map, `react-2fa-phone/headless` served
 * as is), esbuild keeps one `import … from "react"` statement per module that uses React — a dozen
 * here. Importing through this module leaves one. Where a host's bundler bundles React, both
 * shapes compile to the same code.
 */
export { createContext, createElement, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState } from 'react';
