import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { expect, it } from 'vitest';

// Guards the React 18 project: if the aliases stopped applying, the whole suite would silently run on 19.
it('runs on the React major this project is for', () => {
  const major = process.env.EXPECTED_REACT_MAJOR;
  expect(reactVersion.split('.')[0]).toBe(major);
  expect(reactDomVersion.split('.')[0]).toBe(major);
});
