package org.xiaoche.web.map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/** The service's pages in one headless Chromium, seen through the ids and the {@code window.xiaocheMap} hook. */
final class MapPage implements AutoCloseable {

    final WebDriver browser;
    private final String base;

    private MapPage(WebDriver browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port;
    }

    /** A fresh browser signed in as {@code username}. */
    static MapPage signIn(int port, String username, String password) {
        MapPage page = new MapPage(HeadlessChromium.start(), port);
        page.browser.get(page.base + "/login");
        page.browser.findElement(By.id("username")).sendKeys(username);
        page.browser.findElement(By.id("password")).sendKeys(password);
        page.browser.findElement(By.id("login-submit")).click();
        page.await(15).until(d -> !d.getCurrentUrl().contains("/login"));
        return page;
    }

    /** Opens a region's map and waits until its newest plan is drawn. */
    void openMapWithPlan(long regionId) {
        openMapWithPlan(regionId, 60);
    }

    /** The same, waiting up to {@code seconds} (a county-sized plan takes a while to arrive and draw). */
    void openMapWithPlan(long regionId, int seconds) {
        browser.get(base + "/map/" + regionId);
        await(seconds).until(d -> Boolean.TRUE.equals(js("return !!(window.xiaocheMap && window.xiaocheMap.ready)")));
        await(seconds).until(d -> js("return window.xiaocheMap.shownPlanId") != null);
    }

    void awaitReady() {
        await(60).until(d -> Boolean.TRUE.equals(js("return !!(window.xiaocheMap && window.xiaocheMap.ready)")));
    }

    /** Features drawn in one of the map's layers (students, riders, stops, routes, arrows, schools, roads). */
    long count(String layer) {
        return ((Number) js("return window.xiaocheMap.layers." + layer + ".getLayers().length")).longValue();
    }

    /**
     * The real pointer moved over a point of the map, ready to click: {@code containerPoint} is a script
     * expression (with {@code m} the Leaflet map) giving the point in map pixels. The whole map is scrolled
     * into the window first, since Selenium offsets from the centre of an element's visible part.
     */
    Actions pointerAt(String containerPoint) {
        js("document.getElementById('map').scrollIntoView()");
        List<?> xy = (List<?>) js("const m = window.xiaocheMap.map; const p = " + containerPoint + ";"
                + " const s = m.getSize(); return [p.x - s.x / 2, p.y - s.y / 2];");
        return new Actions(browser).moveToElement(browser.findElement(By.id("map")),
                (int) Math.round(((Number) xy.get(0)).doubleValue()), (int) Math.round(((Number) xy.get(1)).doubleValue()));
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Fetches a download link in the signed-in page: status, Content-Disposition and the body as text. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> download(String href) {
        return (java.util.Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status,"
                        + " disposition: r.headers.get('Content-Disposition') || '', body: t})));", href);
    }

    WebDriverWait await(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
