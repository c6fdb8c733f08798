// Written for Parley's end-to-end tests: preloaded by Electron's default app (`electron -r this-file <app>`)
// before Parley's main runs, so message boxes shown before `ready` (the notebook recovery question) can be
// answered. PARLEY_E2E_MESSAGE_BOX_ANSWERS is a JSON list of button labels to press, in order; each box shown is
// recorded in globalThis.parleyMessageBoxes for the test to read through electronApp.evaluate. A box whose
// buttons lack the expected label, or one more box than answers, is pressed on its cancel button and recorded
// with what went wrong, so the test fails on the record instead of hanging on a real dialog.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Electron preloads this file as CommonJS
const { dialog } = require('electron');

const answers = JSON.parse(process.env.PARLEY_E2E_MESSAGE_BOX_ANSWERS || '[]');
const shown = [];
globalThis.parleyMessageBoxes = shown;

function answer(options) {
  const buttons = options.buttons && options.buttons.length > 0 ? options.buttons : ['OK'];
  const wanted = answers.shift();
  let index = buttons.indexOf(wanted);
  let pressed = wanted;
  if (index < 0) {
    index = typeof options.cancelId === 'number' ? options.cancelId : 0;
    pressed = `unexpected (wanted ${JSON.stringify(wanted)}): ${buttons[index]}`;
  }
  shown.push({
    title: options.title || '',
    message: options.message || '',
    detail: options.detail || '',
    pressed,
  });
  return index;
}

// Called as (options) or (window, options), as Electron's own are.
const optionsOf = (args) => (args.length > 1 ? args[1] : args[0]);
dialog.showMessageBox = async (...args) => ({ response: answer(optionsOf(args)), checkboxChecked: false });
dialog.showMessageBoxSync = (...args) => answer(optionsOf(args));
