// Tenet HTML report: sortable, filterable findings table. The page reads fully without it.
(function () {
  'use strict';
  function key(cell) {
    var v = cell.getAttribute('data-sort');
    return v !== null ? v : cell.textContent.trim().toLowerCase();
  }
  function sort(table, index, th) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var c = key(a.cells[index]).localeCompare(key(b.cells[index]), undefined, { numeric: true });
      return ascending ? c : -c;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    body.appendChild(fragment);
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () { sort(table, index, th); });
    });
  });
  var tools = document.getElementById('finding-tools');
  var table = document.getElementById('finding-table');
  if (tools && table) {
    var input = document.createElement('input');
    input.type = 'search';
    input.placeholder = 'Filter findings';
    input.setAttribute('aria-label', 'Filter findings');
    var count = document.createElement('span');
    count.className = 'count';
    tools.appendChild(input);
    tools.appendChild(count);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var update = function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (r) {
        var match = q === '' || r.textContent.toLowerCase().indexOf(q) >= 0;
        r.hidden = !match;
        if (match) { shown++; }
      });
      count.textContent = shown + ' of ' + rows.length + ' findings';
    };
    input.addEventListener('input', update);
    update();
  }
})();
