// The map's roads, runs, schools and stops drawn into canvas tiles of their own. Leaflet's canvas layers redraw
// every line and marker on each pan, which takes seconds with a county's 2,500 runs and 2,000 stops; tiles stay
// until they leave the view, so a pan draws only the tiles coming in, and a tile draws only the pieces of line
// and the points a grid index finds in it, lines simplified to its zoom. A style change repaints tiles in place,
// and near() finds what lies under the pointer, for clicks.
(function () {
  'use strict';
  /** Index units are zoom-0 pixels (the world is 256 wide); a cell is a tile at zoom 12, about 8 km here. */
  const CELL = 256 / 4096;
  /** Vertices per indexed piece: short enough that a village tile skips most of a long run. */
  const PIECE = 32;
  const MAX_LAT = 85.0511287798;

  function worldX(lng) {
    return (lng + 180) / 360 * 256;
  }

  function worldY(lat) {
    const s = Math.sin(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256;
  }

  /** Douglas–Peucker on interleaved x,y within tolerance; keeps the ends. */
  function simplify(xy, tolerance) {
    const n = xy.length / 2;
    if (n <= 2) return xy;
    const keep = new Uint8Array(n);
    keep[0] = keep[n - 1] = 1;
    const stack = [0, n - 1];
    const tol2 = tolerance * tolerance;
    while (stack.length) {
      const last = stack.pop(), first = stack.pop();
      let worst = -1, worst2 = tol2;
      const ax = xy[2 * first], ay = xy[2 * first + 1], dx = xy[2 * last] - ax, dy = xy[2 * last + 1] - ay;
      const len2 = dx * dx + dy * dy;
      for (let i = first + 1; i < last; i++) {
        const px = xy[2 * i] - ax, py = xy[2 * i + 1] - ay;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - t * dx, ey = py - t * dy, d2 = ex * ex + ey * ey;
        if (d2 > worst2) { worst2 = d2; worst = i; }
      }
      if (worst >= 0) {
        keep[worst] = 1;
        stack.push(first, worst, worst, last);
      }
    }
    const out = [];
    for (let i = 0; i < n; i++) if (keep[i]) out.push(xy[2 * i], xy[2 * i + 1]);
    return Float64Array.from(out);
  }

  function segmentDistance2(px, py, ax, ay, bx, by) {
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    const ex = px - ax - t * dx, ey = py - ay - t * dy;
    return ex * ex + ey * ey;
  }

  /**
   * The layer. setItems(items): lines {lines: [[[lng, lat], …], …], style(): {color, weight, opacity, dashArray}}
   * or circles {point: [lng, lat], style(): {radius, color, weight, opacity, fillColor, fillOpacity}}, each with
   * shown(): boolean and a group number; groups are drawn in increasing order (roads, runs, then points), items
   * of a group in list order, and top(item) draws one item above the rest of its group.
   * Option weightAt(zoom, weight_px, item): the width drawn at a zoom (thinner runs where a county fills the view).
   */
  const MapTiles = L.GridLayer.extend({
    // maxWeight_px: the widest line or largest circle (radius plus stroke) drawn, so tiles take what overlaps them.
    options: { tileSize: 256, updateWhenIdle: false, maxWeight_px: 16, weightAt: (zoom, weight) => weight },

    initialize(options) {
      L.GridLayer.prototype.initialize.call(this, options);
      this._items = [];
      this._cells = new Map();
      this._painted = new Map();
      this._top = null;
      this._generation = 0;
      this._visit = 0;
      // Canvases of tiles that left the view are used again: a jump across the county would otherwise make and
      // drop twenty 256-pixel canvases at a time, and the browser's allocation and collection of them shows.
      this._pool = [];
      this.on('tileunload', e => {
        const key = this._tileCoordsToKey(e.coords), tile = this._painted.get(key);
        this._painted.delete(key);
        if (!tile) return;
        ['kept', 'other'].forEach(which => {
          if (tile[which] && this._pool.length < 64) {
            tile[which].canvas.remove();
            this._pool.push(tile[which].canvas);
          }
        });
      });
    },

    getEvents() {
      const events = L.GridLayer.prototype.getEvents.call(this);
      const moveend = events.moveend;
      // Tiles kept out of view when styles changed are repainted as they come back.
      events.moveend = e => {
        if (moveend) moveend.call(this, e);
        this._paintStaleInView();
      };
      return events;
    },

    setItems(items, cacheKey) {
      this._items = items;
      this._top = null;
      this._cells = new Map();
      // Pictures kept of the old lines are out of date.
      this._data = (this._data || 0) + 1;
      this._pieceCount = 0;
      items.forEach((item, order) => {
        item._order = order;
        item._pieces = [];
        if (item.point) {
          const x = worldX(item.point[0]), y = worldY(item.point[1]);
          this._index({ item, seq: 0, xy: Float64Array.of(x, y), minX: x, minY: y, maxX: x, maxY: y });
          return;
        }
        let seq = 0;
        item.lines.forEach(line => {
          for (let start = 0; start < line.length - 1; start += PIECE - 1) {
            const end = Math.min(line.length, start + PIECE);
            const xy = new Float64Array(2 * (end - start));
            let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
            for (let i = start; i < end; i++) {
              const x = worldX(line[i][0]), y = worldY(line[i][1]);
              xy[2 * (i - start)] = x;
              xy[2 * (i - start) + 1] = y;
              minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
            }
            // seq: consecutive pieces of one line continue one path, so dashes and joins run on across them.
            this._index({ item, seq: seq++, xy, minX, minY, maxX, maxY, simplified: {} });
          }
          seq++;
        });
      });
      this.refresh(cacheKey);
      return this;
    },

    _index(piece) {
      piece.item._pieces.push(piece);
      this._pieceCount++;
      for (let cx = Math.floor(piece.minX / CELL); cx <= Math.floor(piece.maxX / CELL); cx++) {
        for (let cy = Math.floor(piece.minY / CELL); cy <= Math.floor(piece.maxY / CELL); cy++) {
          const key = cx + ':' + cy;
          if (!this._cells.has(key)) this._cells.set(key, []);
          this._cells.get(key).push(piece);
        }
      }
    },

    /** Draws one item above the others (a selected run), or none. */
    top(item) {
      this._top = item || null;
      this._fewGeneration = null;
      return this;
    },

    /**
     * After items' styles or visibility changed: repaints the tiles in view now and the others, kept by
     * Leaflet around the view, when they come into it (a county's runs take a while to paint). keptKey names a
     * state of styles whose pictures each tile keeps in a second canvas (the unfiltered map): going back to it
     * shows that canvas again instead of repainting; null for other states.
     */
    refresh(keptKey) {
      this._keptKey = keptKey == null ? null : String(keptKey);
      this._generation++;
      this._painted.forEach(tile => { tile.stale = true; });
      this._paintStaleInView();
      return this;
    },

    _paintStaleInView() {
      if (!this._map) return;
      const zoom = this._tileZoom, range = this._pxBoundsToTileRange(this._map.getPixelBounds());
      this._painted.forEach(tile => {
        const c = tile.coords;
        if (tile.stale && c.z === zoom && c.x >= range.min.x && c.x <= range.max.x && c.y >= range.min.y && c.y <= range.max.y) {
          this._paint(tile);
        }
      });
    },

    createTile(coords) {
      const el = document.createElement('div');
      const tile = { el, coords, stale: true, kept: null, other: null };
      this._painted.set(this._tileCoordsToKey(coords), tile);
      this._paint(tile);
      return el;
    },

    /** A tile's canvas, made when first needed. */
    _canvas(tile, which) {
      if (!tile[which]) {
        const size = this.getTileSize(), ratio = window.devicePixelRatio || 1;
        let canvas = this._pool.pop();
        if (!canvas || canvas.width !== size.x * ratio) {
          canvas = document.createElement('canvas');
          canvas.width = size.x * ratio;
          canvas.height = size.y * ratio;
          canvas.style.width = size.x + 'px';
          canvas.style.height = size.y + 'px';
          canvas.style.position = 'absolute';
        }
        canvas.style.display = '';
        tile.el.appendChild(canvas);
        tile[which] = { canvas, key: null };
      }
      return tile[which];
    },

    _paint(tile) {
      tile.stale = false;
      const key = this._keptKey;
      const shown = this._canvas(tile, key != null ? 'kept' : 'other');
      if (key == null || shown.key !== key || shown.data !== this._data) {
        this._draw(shown.canvas, tile.coords);
        shown.key = key;
        shown.data = this._data;
      }
      ['kept', 'other'].forEach(which => {
        if (tile[which]) tile[which].canvas.style.display = tile[which] === shown ? '' : 'none';
      });
    },

    /** An item's style for this generation of styles, null when it is not shown. */
    _style(item) {
      if (item._generation !== this._generation) {
        item._generation = this._generation;
        item._style = item.shown() ? item.style() : null;
      }
      return item._style;
    },

    /**
     * When the filters leave few items shown, their pieces in drawing order, once per generation of styles:
     * tiles then look through those instead of every piece in their cells (a county's 40,000).
     */
    _fewShown() {
      if (this._fewGeneration === this._generation) return this._few;
      this._fewGeneration = this._generation;
      const shown = this._items.filter(item => this._style(item));
      const pieces = shown.reduce((n, item) => n + item._pieces.length, 0);
      const top = this._top, last = this._items.length;
      const rank = item => (item.group || 0) * (last + 1) + (item === top ? last : item._order);
      this._few = pieces * 4 > this._pieceCount ? null : shown.sort((a, b) => rank(a) - rank(b)).flatMap(item => item._pieces);
      return this._few;
    },

    /** The shown pieces within a box of zoom-0 pixels, in drawing order. */
    _piecesIn(minX, minY, maxX, maxY) {
      const few = this._fewShown();
      if (few) return few.filter(p => p.maxX >= minX && p.minX <= maxX && p.maxY >= minY && p.minY <= maxY);
      const found = [], visit = ++this._visit;
      for (let cx = Math.floor(minX / CELL); cx <= Math.floor(maxX / CELL); cx++) {
        for (let cy = Math.floor(minY / CELL); cy <= Math.floor(maxY / CELL); cy++) {
          const cell = this._cells.get(cx + ':' + cy);
          if (!cell) continue;
          for (const p of cell) {
            // A piece in several cells is taken once: its visit stamp says it was seen in this call.
            if (p.visit === visit) continue;
            p.visit = visit;
            if (p.maxX >= minX && p.minX <= maxX && p.maxY >= minY && p.minY <= maxY && this._style(p.item)) found.push(p);
          }
        }
      }
      const top = this._top, last = this._items.length;
      const rank = p => (p.item.group || 0) * (last + 1) + (p.item === top ? last : p.item._order);
      return found.sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
    },

    _draw(canvas, coords) {
      const ctx = canvas.getContext('2d');
      const size = this.getTileSize(), ratio = window.devicePixelRatio || 1;
      const scale = Math.pow(2, coords.z);
      const margin = this.options.maxWeight_px / scale;
      const x0 = coords.x * size.x / scale, y0 = coords.y * size.y / scale;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      const pieces = this._piecesIn(x0 - margin, y0 - margin, x0 + size.x / scale + margin, y0 + size.y / scale + margin);
      const tolerance = 1 / scale;   // one screen pixel
      // Consecutive pieces of one style are one path: one stroke (and for circles one fill) each.
      let open = null, openCircles = false, last = null;
      const flush = () => {
        if (open && openCircles && open.fillOpacity !== 0) {
          ctx.globalAlpha = open.fillOpacity == null ? 0.2 : open.fillOpacity;
          ctx.fillStyle = open.fillColor || open.color;
          ctx.fill();
        }
        if (open && open.weight > 0 && open.opacity !== 0) {
          ctx.globalAlpha = open.opacity == null ? 1 : open.opacity;
          ctx.stroke();
        }
        open = null;
      };
      pieces.forEach(piece => {
        const style = this._style(piece.item);
        if (style !== open) {
          flush();
          ctx.strokeStyle = style.color;
          ctx.lineWidth = this.options.weightAt(coords.z, style.weight, piece.item);
          ctx.setLineDash(style.dashArray ? String(style.dashArray).split(/[ ,]+/).map(Number) : []);
          ctx.beginPath();
          open = style;
          openCircles = !!piece.item.point;
          last = null;
        }
        if (piece.item.point) {
          const x = (piece.xy[0] - x0) * scale, y = (piece.xy[1] - y0) * scale;
          ctx.moveTo(x + style.radius, y);
          ctx.arc(x, y, style.radius, 0, 2 * Math.PI);
          return;
        }
        const xy = piece.simplified[coords.z] || (piece.simplified[coords.z] = simplify(piece.xy, tolerance));
        const continues = last && last.item === piece.item && last.seq + 1 === piece.seq;
        for (let i = 0; i < xy.length; i += 2) {
          const x = (xy[i] - x0) * scale, y = (xy[i + 1] - y0) * scale;
          if (i === 0 && !continues) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        }
        last = piece;
      });
      flush();
      ctx.globalAlpha = 1;
    },

    /**
     * The shown items of the groups asked for drawn within tolerance_px of a container point (a circle: of its
     * rim, inside counting as 0), nearest first.
     */
    near(containerPoint, tolerance_px, groups) {
      const map = this._map;
      if (!map) return [];
      const ll = map.containerPointToLatLng(containerPoint);
      const scale = Math.pow(2, map.getZoom());
      const px = worldX(ll.lng), py = worldY(ll.lat);
      const reach = (tolerance_px + this.options.maxWeight_px) / scale;
      const best = new Map();
      this._piecesIn(px - reach, py - reach, px + reach, py + reach).forEach(p => {
        if (groups && !groups.includes(p.item.group)) return;
        let d_px;
        if (p.item.point) {
          d_px = Math.max(0, Math.hypot(px - p.xy[0], py - p.xy[1]) * scale - this._style(p.item).radius);
        } else {
          let d2 = Infinity;
          for (let i = 2; i < p.xy.length; i += 2) d2 = Math.min(d2, segmentDistance2(px, py, p.xy[i - 2], p.xy[i - 1], p.xy[i], p.xy[i + 1]));
          d_px = Math.sqrt(d2) * scale;
        }
        if (d_px <= tolerance_px && !(best.get(p.item) <= d_px)) best.set(p.item, d_px);
      });
      return [...best.entries()].sort((a, b) => a[1] - b[1]).map(e => e[0]);
    }
  });

  window.XiaocheMapTiles = (options) => new MapTiles(options);
})();
