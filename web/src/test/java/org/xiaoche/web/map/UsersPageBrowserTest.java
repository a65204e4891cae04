package org.xiaoche.web.map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.account.UserAccount;
import org.xiaoche.web.account.UserAccountRepository;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin creates a user on the users page, in Chinese, and disables it; the header names who is signed in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "XIAOCHE_ADMIN_PASSWORD=users-page-admin-pw")
@ActiveProfiles("test")
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class UsersPageBrowserTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    UserAccountRepository users;

    MapPage page;

    @AfterEach
    void quit() {
        if (page != null) {
            page.close();
        }
    }

    private WebElement row(String username) {
        List<WebElement> rows = page.browser.findElements(By.cssSelector("#user-list tr[data-username='" + username + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void adminCreatesAUserAndDisablesIt() {
        page = MapPage.signIn(port, "admin", "users-page-admin-pw");
        assertEquals("admin", page.text("#current-user-name"));
        assertEquals("管理员", page.text("#current-user-role"), "the role in the header, in Chinese");
        page.browser.findElement(By.id("nav-users")).click();
        page.await(15).until(d -> row("admin") != null);
        page.js("window.__errors = []; document.addEventListener('securitypolicyviolation', e => window.__errors.push(e.violatedDirective));");
        assertEquals("用户管理", page.text("h1"));

        page.browser.findElement(By.id("new-username")).sendKeys("bus-planner");
        // past the browser's own length check, to see the service's refusal in Chinese
        page.js("document.getElementById('new-password').removeAttribute('minlength');");
        page.browser.findElement(By.id("new-password")).sendKeys("short");
        page.browser.findElement(By.id("user-create")).click();
        page.await(15).until(d -> page.text("#users-message").contains("密码至少需要 10 个字符"));
        assertTrue(users.findByUsername("bus-planner").isEmpty());

        page.browser.findElement(By.id("new-username")).clear();
        page.browser.findElement(By.id("new-username")).sendKeys("bus-planner");
        page.browser.findElement(By.id("new-password")).clear();
        page.browser.findElement(By.id("new-password")).sendKeys("bus-planner-pw1");
        new Select(page.browser.findElement(By.id("new-role"))).selectByVisibleText("规划员");
        page.browser.findElement(By.id("user-create")).click();
        page.await(15).until(d -> row("bus-planner") != null);
        UserAccount created = users.findByUsername("bus-planner").orElseThrow();
        assertEquals(Role.PLANNER, created.role());
        assertTrue(created.enabled());
        assertEquals("启用", row("bus-planner").findElement(By.className("user-state")).getText());
        assertEquals("planner", new Select(row("bus-planner").findElement(By.className("user-role"))).getFirstSelectedOption()
                .getAttribute("value"));

        row("bus-planner").findElement(By.className("user-toggle")).click();
        // the list is redrawn after each change: read it in the page, not through an element that may be replaced
        page.await(15).until(d -> "false".equals(page.js(
                "const r = document.querySelector(\"#user-list tr[data-username='bus-planner']\"); return r && r.dataset.enabled;")));
        assertEquals("已停用", row("bus-planner").findElement(By.className("user-state")).getText());
        assertFalse(users.findByUsername("bus-planner").orElseThrow().enabled());
        assertTrue(row("admin").findElements(By.className("user-toggle")).isEmpty(), "no button to disable oneself");
        assertEquals(0L, ((Number) page.js("return window.__errors.length")).longValue(), "no CSP violation");
        page.screenshot("users-page");
    }
}
