import '@testing-library/jest-dom/vitest';
// The real stylesheet, so visibility, focus styles and colour contrast are what a host page gets.
import '../src/styles.css';
