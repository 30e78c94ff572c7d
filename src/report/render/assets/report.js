// Behaviour of the report page: claim details on hover and focus, source filtering, and, when the page is
// served by the review app, the reviewer's verdicts. Every piece of article text reaches the DOM as text.
(function () {
  'use strict';
  var article = document.getElementById('article');
  var tip = document.getElementById('tip');
  if (!article || !tip) return;
  var claimsOf = function (mark) { return (mark.getAttribute('data-claims') || '').split(' ').filter(Boolean); };

  function showTip(mark) {
    tip.replaceChildren();
    claimsOf(mark).forEach(function (id) {
      var item = document.getElementById('claim-' + id);
      var detail = item && item.querySelector('dl.claim');
      if (detail) tip.appendChild(detail.cloneNode(true));
    });
    var box = mark.getBoundingClientRect();
    tip.hidden = false;
    tip.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8)) + 'px';
    tip.style.top = window.scrollY + box.bottom + 6 + 'px';
    mark.setAttribute('aria-describedby', 'tip');
  }
  function hideTip() { tip.hidden = true; }
  function markOf(event) { return event.target instanceof Element ? event.target.closest('mark.claim') : null; }

  article.addEventListener('mouseover', function (e) { var m = markOf(e); if (m) showTip(m); });
  article.addEventListener('mouseout', function (e) { if (markOf(e)) hideTip(); });
  article.addEventListener('focusin', function (e) { var m = markOf(e); if (m) showTip(m); });
  article.addEventListener('focusout', hideTip);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hideTip(); });

  function openClaim(mark) {
    var id = claimsOf(mark)[0];
    var item = id && document.getElementById('claim-' + id);
    if (!item) return;
    document.querySelectorAll('ol.claims > li.current').forEach(function (li) { li.classList.remove('current'); });
    item.classList.add('current');
    item.scrollIntoView({ block: 'nearest' });
  }
  article.addEventListener('click', function (e) { var m = markOf(e); if (m) openClaim(m); });
  article.addEventListener('keydown', function (e) { var m = markOf(e); if (m && e.key === 'Enter') openClaim(m); });

  document.querySelectorAll('button.source').forEach(function (button) {
    button.addEventListener('click', function () {
      var on = button.getAttribute('aria-pressed') !== 'true';
      document.querySelectorAll('button.source').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
      button.setAttribute('aria-pressed', String(on));
      article.classList.toggle('focused', on);
      var source = button.getAttribute('data-source');
      var first = null;
      article.querySelectorAll('mark.claim').forEach(function (m) {
        var hit = on && (m.getAttribute('data-sources') || '').split(' ').indexOf(source) >= 0;
        m.classList.toggle('on', hit);
        if (hit && !first) first = m;
      });
      if (first) first.scrollIntoView({ block: 'center' });
    });
  });

  var base = document.body.getAttribute('data-review');
  if (!base) return;

  function send(method, path, body, status) {
    status.textContent = 'saving…';
    return fetch(base + path, { method: method, headers: { 'content-type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (res.ok) return data;
          status.textContent = res.status === 401 ? 'log in to review' : 'not saved: ' + (data.error || res.status);
          throw new Error(String(res.status));
        });
      });
  }

  var LABELS = { correct: 'marked correct', 'wrong-source': 'source corrected', 'not-claim': 'marked not a claim' };
  document.querySelectorAll('.review').forEach(function (panel) {
    var id = panel.getAttribute('data-claim');
    var item = document.getElementById('claim-' + id);
    var status = panel.querySelector('.status');
    function record(verdict) {
      send('PUT', '/attributions/' + encodeURIComponent(id), verdict, status).then(function (saved) {
        item.classList.remove('verdict-correct', 'verdict-wrong-source', 'verdict-not-claim');
        item.classList.add('verdict-' + saved.verdict);
        status.textContent = LABELS[saved.verdict] + (saved.source ? ': ' + saved.source : '');
        var progress = document.getElementById('review-progress');
        if (progress && saved.progress) progress.textContent = saved.progress.reviewed + ' of ' + saved.progress.total + ' reviewed';
      }, function () {});
    }
    panel.querySelectorAll('button[data-verdict]').forEach(function (b) {
      b.addEventListener('click', function () { record({ verdict: b.getAttribute('data-verdict') }); });
    });
    var fix = panel.querySelector('form.fix');
    fix.addEventListener('submit', function (e) {
      e.preventDefault();
      record({ verdict: 'wrong-source', source: fix.elements.source.value, type: fix.elements.type.value });
    });
  });

  var add = document.getElementById('add');
  if (!add) return;
  var picked = null;
  function offsetIn(node, offset) {
    var range = document.createRange();
    range.setStart(article, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  document.addEventListener('selectionchange', function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    var range = sel.getRangeAt(0);
    if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return;
    picked = { start: offsetIn(range.startContainer, range.startOffset), end: offsetIn(range.endContainer, range.endOffset) };
    add.querySelector('.selection').textContent = range.toString();
    add.querySelector('button[type=submit]').disabled = false;
  });
  add.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!picked) return;
    var status = add.querySelector('.status');
    var body = { start: picked.start, end: picked.end, source: add.elements.source.value, type: add.elements.type.value };
    send('POST', '/added', body, status).then(function (saved) {
      var li = document.createElement('li');
      li.textContent = saved.source + ' (' + saved.type + '): ' + saved.text;
      document.getElementById('added-list').appendChild(li);
      status.textContent = 'added';
      add.reset();
    }, function () {});
  });
})();
