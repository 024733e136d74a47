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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.rekey.application.port.in.apikey.ApiKeyUseCases;
import org.rekey.application.port.in.apikey.AuthenticateUseCase;
import org.rekey.application.port.in.apikey.CreateApiKeyUseCase;
import org.rekey.application.port.in.apikey.ListApiKeysUseCase;
import org.rekey.application.port.in.apikey.RevokeApiKeyUseCase;
import org.rekey.application.port.in.credential.CredentialUseCases;
import org.rekey.application.port.in.key.DestroyDataKeyUseCase;
import org.rekey.application.port.in.key.ImportDataKeyUseCase;
import org.rekey.application.port.in.key.KeyUseCases;
import org.rekey.application.port.in.key.ShowDataKeyUseCase;
import org.rekey.application.port.in.maintenance.MaintenanceUseCases;
import org.rekey.application.port.in.settings.CheckHealthUseCase;
import org.rekey.application.port.in.settings.SettingsUseCases;
import org.rekey.application.port.in.apikey.Principal;
import org.rekey.application.port.in.settings.ModuleSettings;

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

    private void open(boolean rotationEnabled) {
        keys = new InMemoryKeys();
        server = new HttpServer(useCases(keys, rotationEnabled)).start(0);
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

    private static HttpUseCases useCases(InMemoryKeys keys, boolean rotationEnabled) {
        AuthenticateUseCase authenticate = token -> switch (token) {
            case MANAGER_TOKEN -> Optional.of(new Principal("manager", EnumSet.of(Scope.ENCRYPTION_KEY_MANAGE)));
            case CREDENTIALS_ONLY_TOKEN -> Optional.of(new Principal("creds", Set.of(Scope.CREDENTIAL_READ)));
            default -> Optional.empty();
        };
        return new HttpUseCases(
                new KeyUseCases(keys, keys, mock(ShowDataKeyUseCase.class), mock(ImportDataKeyUseCase.class),
                        mock(DestroyDataKeyUseCase.class)),
                UseCaseMocks.group(CredentialUseCases.class),
                UseCaseMocks.group(MaintenanceUseCases.class),
                new ApiKeyUseCases(mock(CreateApiKeyUseCase.class), mock(ListApiKeysUseCase.class),
                        mock(RevokeApiKeyUseCase.class), authenticate),
                new SettingsUseCases(() -> new ModuleSettings(rotationEnabled), mock(CheckHealthUseCase.class)));
    }
}
