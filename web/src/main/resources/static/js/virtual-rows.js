// Table rows for long lists (a county's 2,500 runs): above a threshold only the rows near the scroller's view are
// in the page, between two spacer rows of the height of those left out. Tens of thousands of cells otherwise make
// every frame of the map beside the list slow (the browser lays out and paints them all).
(function () {
  'use strict';

  /**
   * rows(tbody, scroller, {all_rows, columns, render(item) → tr with data-key}): setItems(items) replaces the list,
   * refresh() re-renders (after a filter or a selection changed what render gives).
   */
  function rows(tbody, scroller, options) {
    // Rows kept beyond each edge of the view, so that a short scroll shows rows at once.
    const buffer = Math.min(20, options.all_rows);
    // Sizes are measured once and on scroll or resize: reading them after the list changed would make the
    // browser lay the whole page out at once.
    let items = [], rowHeight_px = null, header_px = 0, view_px = 0, scroll_px = 0, scheduled = false;

    function spacer(height_px) {
      const tr = document.createElement('tr');
      tr.className = 'spacer';
      tr.setAttribute('aria-hidden', 'true');
      const td = document.createElement('td');
      td.colSpan = options.columns;
      td.style.height = height_px + 'px';
      td.style.padding = '0';
      td.style.border = 'none';
      tr.appendChild(td);
      return tr;
    }

    function render() {
      scheduled = false;
      // Focus stays on its row when the rows are rebuilt (Tab and Enter walk the list).
      const focused = document.activeElement && tbody.contains(document.activeElement) ? document.activeElement.dataset.key : null;
      tbody.innerHTML = '';
      if (items.length <= options.all_rows) {
        items.forEach(item => tbody.appendChild(options.render(item)));
      } else {
        if (rowHeight_px == null) {
          const probe = tbody.appendChild(options.render(items[0]));
          const box = probe.getBoundingClientRect();
          // A list out of sight measures nothing: it is measured again when next drawn.
          rowHeight_px = box.height > 0 ? box.height : null;
          header_px = box.top - scroller.getBoundingClientRect().top + scroller.scrollTop;
          view_px = scroller.clientHeight || 400;
          tbody.innerHTML = '';
        }
        const row_px = rowHeight_px || 24;
        // How far the list's first row lies above the top of the scroller's view.
        const top_px = Math.max(0, scroll_px - header_px);
        const first = Math.max(0, Math.floor(top_px / row_px) - buffer);
        const last = Math.min(items.length, Math.ceil((top_px + view_px) / row_px) + buffer);
        tbody.appendChild(spacer(first * row_px));
        for (let i = first; i < last; i++) tbody.appendChild(options.render(items[i]));
        tbody.appendChild(spacer((items.length - last) * row_px));
      }
      if (focused != null) {
        const again = [...tbody.children].find(tr => tr.dataset.key === focused);
        if (again) again.focus({ preventScroll: true });
      }
    }

    window.addEventListener('resize', () => { rowHeight_px = null; });
    scroller.addEventListener('scroll', () => {
      view_px = scroller.clientHeight;
      scroll_px = scroller.scrollTop;
      if (items.length > options.all_rows && !scheduled) {
        scheduled = true;
        requestAnimationFrame(render);
      }
    });

    return {
      /** A new list starts at its top (in the next frame, whose layout is done anyway). */
      setItems(list) {
        items = list;
        scroll_px = 0;
        render();
        requestAnimationFrame(() => {
          if (scroller.scrollTop !== 0) scroller.scrollTop = 0;
        });
      },
      refresh: render
    };
  }

  window.XiaocheVirtualRows = rows;
})();
