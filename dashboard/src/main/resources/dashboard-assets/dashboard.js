// Progressive enhancement only: every page works without this file. It adds a "Copy" button after each
// element marked data-copy (keys, secrets, snippets), and the status of the copy for screen readers.
(function () {
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll('[data-copy]').forEach(function (source, index) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy secondary';
    button.textContent = 'Copy';
    var status = document.createElement('span');
    status.className = 'hint';
    status.setAttribute('role', 'status');
    status.id = 'copy-status-' + index;
    button.setAttribute('aria-describedby', status.id);
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        status.textContent = ' Copied.';
      }, function () {
        status.textContent = ' Could not copy; select the text and copy it.';
      });
    });
    var holder = source.closest('pre') || source;
    holder.insertAdjacentElement('afterend', status);
    holder.insertAdjacentElement('afterend', button);
  });
})();
