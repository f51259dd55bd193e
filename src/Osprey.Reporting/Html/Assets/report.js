(function () {
  'use strict';
  var list = document.getElementById('finding-list');
  if (!list) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll('li.finding'));
  // Lower-cased text of each finding, computed once: filtering 10,000 findings stays instant.
  var texts = items.map(function (item) { return item.textContent.toLowerCase(); });
  var severity = document.getElementById('filter-severity');
  var rule = document.getElementById('filter-rule');
  var status = document.getElementById('filter-status');
  var text = document.getElementById('filter-text');
  var count = document.getElementById('filter-count');
  var none = document.getElementById('no-match');

  function apply() {
    var s = severity.value, r = rule.value, v = status.value, q = text.value.trim().toLowerCase();
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var visible = (!s || item.getAttribute('data-severity') === s)
        && (!r || item.getAttribute('data-rule') === r)
        && (!v || item.getAttribute('data-status') === v)
        && (!q || texts[i].indexOf(q) !== -1);
      item.hidden = !visible;
      if (visible) { shown++; }
    }
    count.textContent = shown + ' of ' + items.length + ' findings shown';
    none.hidden = shown !== 0 || items.length === 0;
  }

  function setOpen(open) {
    for (var i = 0; i < items.length; i++) {
      if (!items[i].hidden) { items[i].querySelector('details').open = open; }
    }
  }

  severity.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  status.addEventListener('change', apply);
  text.addEventListener('input', apply);
  document.getElementById('expand-all').addEventListener('click', function () { setOpen(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setOpen(false); });
  apply();
}());
