// Starts the NHS.UK frontend components. A module file, not inline script, so the
// content security policy can forbid inline script entirely.
import { initAll } from '/js/nhsuk-frontend.min.js';

initAll();

// nhsuk-frontend 10.6.1's file upload writes its status ("No file chosen") and its button text
// ("Choose file or drop file") side by side with nothing between them. On screen they are on
// separate lines, but read as text they run together ("chosenChoose"), so the button's visible
// words no longer appear in its accessible name (WCAG 2.2 success criterion 2.5.3, label in
// name). A space between them mends the reading and changes nothing on screen.
// See docs/adr/0005-nhs-components.md; remove when the frontend adds the space itself.
for (const status of document.querySelectorAll('.nhsuk-file-upload__status')) {
    status.after(' ');
}

// nhsuk-frontend 10.6.1 marks a radio that reveals content with aria-expanded, which WAI-ARIA 1.2
// does not allow on a radio (it is allowed on a checkbox, so checkboxes keep it); axe reports it
// as a critical problem. The radio keeps aria-controls, which names what it reveals. Taken off
// after the frontend's own handlers run, on every click and change (arrow keys click radios too),
// and when a page comes back from the back-forward cache. See docs/adr/0005-nhs-components.md.
const dropExpandedFromRadios = () => {
    for (const radio of document.querySelectorAll('.nhsuk-radios__input[aria-expanded]')) {
        radio.removeAttribute('aria-expanded');
    }
};
dropExpandedFromRadios();
for (const event of ['click', 'change', 'pageshow']) {
    window.addEventListener(event, dropExpandedFromRadios);
}

// A form that uploads files which take a while to check (response workbooks) says so once it is
// sent, in a status region that screen readers announce; the browser shows the upload's own
// progress. Without script the form works the same, without the words.
for (const form of document.querySelectorAll('form[data-app-upload-progress]')) {
    form.addEventListener('submit', () => {
        const status = form.querySelector('.app-upload-progress');
        const input = form.querySelector('input[type=file]');
        if (status && input && input.files && input.files.length > 0) {
            const count = input.files.length;
            status.textContent = `Uploading and checking ${count} workbook${count === 1 ? '' : 's'}. Each takes a moment to check: keep this page open.`;
            status.hidden = false;
        }
    });
}
