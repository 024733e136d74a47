package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.Mockito.mock;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rekey.application.apikey.Scope;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.apikey.AuthenticateUseCase;
import org.rekey.application.port.in.apikey.CreateApiKeyUseCase;
import org.rekey.application.port.in.apikey.ListApiKeysUseCase;
import org.rekey.application.port.in.apikey.Principal;
import org.rekey.application.port.in.apikey.RevokeApiKeyUseCase;
import org.rekey.application.port.in.audit.AuditPage;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.application.port.in.audit.AuditUseCases;
import org.rekey.application.port.in.audit.ListAuditUseCase;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.ImportDataKeyUseCase;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyUseCase;
import org.rekey.application.port.in.maintenance.DowngradeToLegacyUseCase;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.maintenance.ReencryptUseCase;
import org.rekey.application.port.in.maintenance.VerifyReport;
import org.rekey.application.port.in.settings.CheckHealthUseCase;
import org.rekey.application.port.in.settings.ModuleSettings;
import org.rekey.application.port.in.settings.SettingsUseCases;
import org.rekey.application.testing.UseCaseMocks;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.KeyRef;

/**
 * The settings page in real headless Chromium against a server over an in-memory keyring. Uses the
 * system's {@code chromium} and {@code chromedriver}; nothing is downloaded.
 */
class SettingsPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("/tmp/settings-page.png");
    private static final String MANAGER_TOKEN = "browser-manager-token-0123456789";
    private static final String CREDENTIALS_ONLY_TOKEN = "browser-credentials-token-0123456789";

    private static Path profile;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private HttpServer server;
    private InMemoryKeys keys;
    private InMemoryMaintenance maintenance;
    private ListAuditUseCase audit = query -> new AuditPage(0, List.of());

    @BeforeAll
    static void requireChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them with: apt-get install -y chromium chromium-driver");
        }
        profile = Files.createTempDirectory("rekey-chromium-");
    }

    @AfterAll
    static void deleteProfiles() throws IOException {
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory(profile, "profile-"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** Quitting the browser also stops its driver process. */
    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void operatorEntersToken_seesActiveKey_rotatesThroughDialog_andSeesNewKeyActive() throws IOException {
        open(true);

        enterToken("not-a-real-token");
        assertThat(messageContaining("not accepted")).isNotEmpty();
        enterToken(CREDENTIALS_ONLY_TOKEN);
        assertThat(messageContaining("lacks the encryptionKey:manage scope")).isNotEmpty();
        browser.findElement(By.id("token-forget")).click();
        enterToken(MANAGER_TOKEN);

        WebElement active = waitForActiveRow(InMemoryKeys.ACTIVE_ID);
        assertThat(active.findElement(By.className("key-id")).getText()).isEqualTo("Act1••••B002");
        assertThat(rowOf(InMemoryKeys.FIRST_ID).getAttribute("data-status")).isEqualTo("inactive");
        assertThat(browser.findElement(By.id("keys-summary")).getText()).contains("2 keys").contains("2 records");

        browser.findElement(By.id("rotate-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rotate-dialog")));
        browser.findElement(By.id("rotate-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("rotate-dialog")));
        assertThat(keys.rotations()).isZero();

        browser.findElement(By.id("rotate-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rotate-dialog")));
        browser.findElement(By.id("rotate-confirm")).click();

        WebElement fresh = waitForActiveRow("Rotated1KeyCCCC01");
        assertThat(keys.rotations()).isEqualTo(1);
        assertThat(fresh.getAttribute("class")).contains("fresh");
        assertThat(activeRows()).hasSize(1);
        WebElement previous = rowOf(InMemoryKeys.ACTIVE_ID);
        assertThat(previous.getAttribute("data-status")).isEqualTo("inactive");
        assertThat(previous.findElements(By.tagName("td")).get(3).getText()).isNotEqualTo("\u2014");
        assertThat(messageContaining("is now active")).contains("Rota••••CC01");

        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void sortAndDateFilter_changeTheTable() {
        open(true);
        enterToken(MANAGER_TOKEN);
        waitForActiveRow(InMemoryKeys.ACTIVE_ID);
        assertThat(rowIds()).containsExactly(InMemoryKeys.ACTIVE_ID, InMemoryKeys.FIRST_ID);

        selectSort("createdAt:asc");
        wait.until(driver -> rowIds().equals(List.of(InMemoryKeys.FIRST_ID, InMemoryKeys.ACTIVE_ID)));

        setDate("from-input", "2024-05-01");
        browser.findElement(By.id("filter-apply")).click();
        wait.until(driver -> rowIds().equals(List.of(InMemoryKeys.ACTIVE_ID)));

        setDate("to-input", "2024-04-01");
        browser.findElement(By.id("filter-apply")).click();
        assertThat(messageContaining("must not be after")).isNotEmpty();

        browser.findElement(By.id("filter-clear")).click();
        wait.until(driver -> rowIds().size() == 2);
    }

    @Test
    void tokenIsKeptForTheTab_acrossReloads() {
        open(true);
        enterToken(MANAGER_TOKEN);
        waitForActiveRow(InMemoryKeys.ACTIVE_ID);

        browser.navigate().refresh();

        waitForActiveRow(InMemoryKeys.ACTIVE_ID);
        assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();
    }

    @Test
    void rotationOff_saysSoInsteadOfShowingKeys() {
        open(false);

        enterToken(MANAGER_TOKEN);

        assertThat(messageContaining("Key rotation is turned off")).contains("N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION");
        assertThat(browser.findElement(By.id("keys-panel")).isDisplayed()).isFalse();
    }

    @Test
    void reencryption_startsBehindAConfirmation_andShowsItsLiveProgressUntilItEnds() {
        open(true);
        enterToken(MANAGER_TOKEN);
        waitForActiveRow(InMemoryKeys.ACTIVE_ID);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "No re-encryption"));

        browser.findElement(By.id("reencrypt-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reencrypt-dialog")));
        browser.findElement(By.id("reencrypt-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reencrypt-dialog")));
        assertThat(maintenance.starts()).isZero();

        browser.findElement(By.id("reencrypt-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reencrypt-dialog")));
        browser.findElement(By.id("reencrypt-confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-counts"), "0 of 4 records done"));
        assertThat(maintenance.starts()).isEqualTo(1);
        assertThat(browser.findElement(By.id("reencrypt-button")).isEnabled()).isFalse();

        maintenance.advance(2);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-counts"),
                "2 of 4 records done, 0 failed, 2 remaining"));
        assertThat(browser.findElement(By.id("job-progress")).getAttribute("value")).isEqualTo("2");

        maintenance.finish();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "finished"));
        assertThat(browser.findElement(By.id("job-counts")).getText()).contains("4 of 4 records done");
        assertThat(browser.findElement(By.id("reencrypt-button")).isEnabled()).isTrue();
    }

    @Test
    void verify_showsCountsPerKeyAndEveryFailureAsText_andKeepsTheLastResultAcrossReloads() {
        String hostile = "bad tag <img src=x onerror=\"window.pwned=1\">";
        maintenanceAnswers(new VerifyReport(6, Map.of(Samples.key(InMemoryKeys.ACTIVE_ID), 3L, KeyRef.LEGACY, 2L,
                Samples.key(InMemoryKeys.FIRST_ID), 1L), 0, Samples.key(InMemoryKeys.ACTIVE_ID),
                List.of(InMemoryMaintenance.failure("Rec<b>0001</b>", hostile))));
        enterToken(MANAGER_TOKEN);
        waitForActiveRow(InMemoryKeys.ACTIVE_ID);
        assertThat(browser.findElement(By.id("verify-panel")).isDisplayed()).isFalse();

        browser.findElement(By.id("verify-button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verify-summary"),
                "6 records checked, 1 failed to decrypt"));
        assertThat(messageContaining("found 1 record that failed")).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#verify-body tr"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#verify-body tr[data-key-id='legacy']")).getText())
                .contains("legacy format").contains("2");
        WebElement failure = browser.findElement(By.cssSelector("#verify-failures-body tr"));
        assertThat(failure.getText()).contains("Rec<b>0001</b>").contains("DECRYPTION_FAILED").contains(hostile);
        assertThat(browser.findElements(By.cssSelector("#verify-panel img, #verify-panel b"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);

        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verify-summary"), "1 failed to decrypt"));
        assertThat(maintenance.verifications()).isEqualTo(1);
    }

    @Test
    void destroy_confirmationShowsTheRecordCount_refusesAKeyInUse_andDestroysAnUnusedOne() {
        open(true);
        enterToken(MANAGER_TOKEN);
        waitForActiveRow(InMemoryKeys.ACTIVE_ID);
        assertThat(rowOf(InMemoryKeys.ACTIVE_ID).findElements(By.className("destroy"))).isEmpty();

        rowOf(InMemoryKeys.FIRST_ID).findElement(By.className("destroy")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("destroy-dialog")));
        assertThat(browser.findElement(By.id("destroy-count")).getText()).contains("4 records use this key")
                .contains("cannot be destroyed");
        assertThat(browser.findElement(By.id("destroy-confirm")).isDisplayed()).isFalse();
        browser.findElement(By.id("destroy-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("destroy-dialog")));
        assertThat(keys.destructions()).isZero();

        keys.setRecordCount(InMemoryKeys.FIRST_ID, 0);
        rowOf(InMemoryKeys.FIRST_ID).findElement(By.className("destroy")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("destroy-dialog")));
        assertThat(browser.findElement(By.id("destroy-count")).getText()).isEqualTo("No record uses this key.");
        assertThat(browser.findElement(By.id("destroy-key-id")).getText()).isEqualTo("0lde••••A001");
        browser.findElement(By.id("destroy-confirm")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#keys-body tr[data-key-id='" + InMemoryKeys.FIRST_ID + "'][data-status='destroyed']")));
        assertThat(messageContaining("was destroyed")).contains("0lde••••A001");
        assertThat(keys.destructions()).isEqualTo(1);
    }

    @Test
    void destroy_thatTheServerRefuses_showsTheServersMessageAsText() {
        open(true);
        keys.setRecordCount(InMemoryKeys.FIRST_ID, 0);
        keys.refuseDestroy(new RekeyException(ErrorCode.KEY_IN_USE,
                "1 record started using key " + InMemoryKeys.FIRST_ID + " <i>meanwhile</i>"));
        enterToken(MANAGER_TOKEN);
        waitForActiveRow(InMemoryKeys.ACTIVE_ID);

        rowOf(InMemoryKeys.FIRST_ID).findElement(By.className("destroy")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("destroy-confirm"))).click();

        assertThat(messageContaining("The key was not destroyed")).contains(
                "1 record started using key " + InMemoryKeys.FIRST_ID + " <i>meanwhile</i>");
        assertThat(browser.findElements(By.cssSelector("#message i"))).isEmpty();
        assertThat(rowOf(InMemoryKeys.FIRST_ID).getAttribute("data-status")).isEqualTo("inactive");
    }

    @Test
    void audit_panelIsHidden_whenTheTrailCannotBeRead() {
        audit = query -> {
            throw new RekeyException(ApplicationErrorCode.STORAGE_FAILURE, "the database went away");
        };
        open(true);
        enterToken(MANAGER_TOKEN);
        waitForActiveRow(InMemoryKeys.ACTIVE_ID);

        wait.until(ExpectedConditions.attributeToBe(By.id("audit-panel"), "data-state", "unavailable"));
        assertThat(browser.findElement(By.id("audit-panel")).isDisplayed()).isFalse();
    }

    @Test
    void audit_latestEntriesAreShownAsText() {
        List<AuditQuery> asked = new CopyOnWriteArrayList<>();
        audit = query -> {
            asked.add(query);
            return new AuditPage(2, List.of(
                    new AuditEntry(Instant.parse("2024-06-02T10:00:00Z"),
                            Actor.apiKey("K1", "<script>window.pwned=1</script>"), AuditAction.KEY_ROTATE,
                            "Rotated1", AuditOutcome.SUCCEEDED, ""),
                    new AuditEntry(Instant.parse("2024-06-02T09:00:00Z"), Actor.operator("ops", "host"),
                            AuditAction.KEY_DESTROY, "key <b>x</b>", AuditOutcome.REFUSED, "KEY_IN_USE: 3 records")));
        };
        open(true);
        enterToken(MANAGER_TOKEN);

        wait.until(ExpectedConditions.attributeToBe(By.id("audit-panel"), "data-state", "shown"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit-body tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("api-key K1 (<script>window.pwned=1</script>)")
                .contains("key.rotate").contains("succeeded");
        assertThat(rows.get(1).getText()).contains("operator ops@host").contains("key <b>x</b>").contains("refused");
        assertThat(rows.get(1).findElements(By.className("outcome-failure"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#audit-body script, #audit-body b"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);
        assertThat(asked).first().satisfies(query -> assertThat(query.page().take()).isEqualTo(10));
    }

    private void maintenanceAnswers(VerifyReport report) {
        open(true);
        maintenance.verifyAnswers(report);
    }

    /** {@code text} as a JavaScript string literal. */
    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private void open(boolean rotationEnabled) {
        keys = new InMemoryKeys();
        maintenance = new InMemoryMaintenance();
        server = new HttpServer(useCases(keys, maintenance, audit, rotationEnabled)).start(0);
        browser.get("http://127.0.0.1:" + server.port() + "/settings/encryption-keys");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
    }

    private void enterToken(String token) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        input.clear();
        input.sendKeys(token);
        browser.findElement(By.id("token-submit")).click();
    }

    /** The page's message once it shows {@code fragment}: the page updates it asynchronously. */
    private String messageContaining(String fragment) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), fragment));
        return browser.findElement(By.id("message")).getText();
    }

    private WebElement waitForActiveRow(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#keys-body tr[data-key-id='" + id + "'][data-status='active']")));
    }

    private WebElement rowOf(String id) {
        return browser.findElement(By.cssSelector("#keys-body tr[data-key-id='" + id + "']"));
    }

    private List<WebElement> activeRows() {
        return browser.findElements(By.cssSelector("#keys-body tr[data-status='active']"));
    }

    /** The ids in table order, read in one step so a re-render cannot interleave. */
    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#keys-body tr')).map(row => row.dataset.keyId);");
    }

    private void selectSort(String value) {
        ((JavascriptExecutor) browser).executeScript(
                "const s = document.getElementById('sort-select'); s.value = arguments[0];"
                        + " s.dispatchEvent(new Event('change'));", value);
    }

    private void setDate(String inputId, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                inputId, isoDate);
    }

    private static HttpUseCases useCases(InMemoryKeys keys, InMemoryMaintenance maintenance, ListAuditUseCase audit,
            boolean rotationEnabled) {
        AuthenticateUseCase authenticate = token -> switch (token) {
            case MANAGER_TOKEN -> Optional.of(new Principal("manager", "manager", EnumSet.of(Scope.ENCRYPTION_KEY_MANAGE)));
            case CREDENTIALS_ONLY_TOKEN -> Optional.of(new Principal("creds", "creds", Set.of(Scope.CREDENTIAL_READ)));
            default -> Optional.empty();
        };
        return new HttpUseCases(
                new KeyUseCases(keys, keys, keys, mock(ImportDataKeyUseCase.class), keys),
                UseCaseMocks.group(CredentialUseCases.class),
                new MaintenanceUseCases(mock(ReencryptUseCase.class), maintenance, maintenance, maintenance,
                        mock(DowngradeToLegacyUseCase.class), mock(ChangeInstanceKeyUseCase.class)),
                new ApiKeyUseCases(mock(CreateApiKeyUseCase.class), mock(ListApiKeysUseCase.class),
                        mock(RevokeApiKeyUseCase.class), authenticate),
                new SettingsUseCases(() -> new ModuleSettings(rotationEnabled), mock(CheckHealthUseCase.class)),
                new AuditUseCases(audit));
    }
}
