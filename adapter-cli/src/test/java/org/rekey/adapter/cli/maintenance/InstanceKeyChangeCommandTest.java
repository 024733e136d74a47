package org.rekey.adapter.cli.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.JsonAssert;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyCommand;
import org.rekey.application.port.in.maintenance.InstanceKeyChange;
import org.rekey.application.port.in.maintenance.Progress;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.domain.key.InstanceKey;

class InstanceKeyChangeCommandTest {

    private static final String NEW_KEY = "n3w-instance-key-value";

    private final TestContext context = new TestContext();

    @TempDir
    Path dir;

    private void givenChangeSucceeds() {
        when(context.maintenance.changeInstanceKey().changeInstanceKey(any(), any(), any())).thenAnswer(call -> {
            ProgressListener listener = call.getArgument(1);
            listener.onProgress(new Progress(3, 3, 0));
            return new InstanceKeyChange(3, 7, false, "set N8N_ENCRYPTION_KEY to the new key on every instance");
        });
    }

    private ChangeInstanceKeyCommand commandSent() {
        ArgumentCaptor<ChangeInstanceKeyCommand> command = ArgumentCaptor.forClass(ChangeInstanceKeyCommand.class);
        verify(context.maintenance.changeInstanceKey()).changeInstanceKey(command.capture(), any(), any());
        return command.getValue();
    }

    @Test
    void change_readsTheNewKeyFromTheEnvironment() {
        givenChangeSucceeds();
        context.environment.put("NEW_KEY", NEW_KEY);

        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-env", "NEW_KEY");

        assertThat(result.exitCode()).isZero();
        assertThat(commandSent().newKey()).isEqualTo(InstanceKey.of(NEW_KEY));
        assertThat(commandSent().batchSize()).isEqualTo(500);
        assertThat(result.out()).isEqualTo("""
                data keys re-wrapped             3
                records moved to the active key  7
                config file updated              no
                next step                        set N8N_ENCRYPTION_KEY to the new key on every instance
                """);
        assertThat(result.out() + result.err()).doesNotContain(NEW_KEY);
    }

    @Test
    void change_offersTheNewKeyToStartUp_soAnInterruptedChangeCanFinish() {
        givenChangeSucceeds();
        context.environment.put("NEW_KEY", NEW_KEY);

        CliRun.run(context, "instance-key", "change", "--from-env", "NEW_KEY");

        assertThat(context.offeredNewKey).isEqualTo(InstanceKey.of(NEW_KEY));
    }

    @Test
    void change_readsTheNewKeyFromAFile_withoutItsTrailingNewline() throws IOException {
        givenChangeSucceeds();
        Path file = Files.writeString(dir.resolve("new-key"), NEW_KEY + "\n");

        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-file", file.toString(),
                "--batch-size", "50");

        assertThat(result.exitCode()).isZero();
        assertThat(commandSent().newKey()).isEqualTo(InstanceKey.of(NEW_KEY));
        assertThat(commandSent().batchSize()).isEqualTo(50);
    }

    @Test
    void change_json_printsWhatWasDone() {
        givenChangeSucceeds();
        context.environment.put("NEW_KEY", NEW_KEY);

        JsonNode json = JsonAssert.parse(
                CliRun.run(context, "instance-key", "change", "--from-env", "NEW_KEY", "--json").out());

        assertThat(json.get("keysRewrapped").asInt()).isEqualTo(3);
        assertThat(json.get("recordsMoved").asLong()).isEqualTo(7);
        assertThat(json.get("configFileUpdated").asBoolean()).isFalse();
        assertThat(json.get("nextStep").asText()).contains("N8N_ENCRYPTION_KEY");
    }

    @Test
    void change_fromAMissingVariable_isBadInput_andOpensNothing() {
        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-env", "NEW_KEY");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: the environment variable NEW_KEY is not set; export the new"
                + " instance key in it [INVALID_INPUT]\n");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void change_fromAnEmptyVariable_isBadInput() {
        context.environment.put("NEW_KEY", "  ");

        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-env", "NEW_KEY");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("the environment variable NEW_KEY is empty");
    }

    @Test
    void change_fromAMissingFile_isBadInput_andOpensNothing() {
        Path file = dir.resolve("none");

        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-file", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: cannot read key file " + file + ": no such file");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void change_fromAnEmptyFile_isBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("empty"), "\n");

        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-file", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is empty; put the new instance key in it");
    }

    @Test
    void change_withoutASource_isBadUsage() {
        CliRun.Result result = CliRun.run(context, "instance-key", "change");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--from-env", "--from-file");
    }

    @Test
    void change_withBothSources_isBadUsage() {
        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-env", "A", "--from-file", "b");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    void change_neverTakesTheKeyItselfAsAnArgument() {
        CliRun.Result result = CliRun.run(context, "instance-key", "change", NEW_KEY);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void change_showsAProgressBar_onATerminal() {
        context.terminal = true;
        givenChangeSucceeds();
        context.environment.put("NEW_KEY", NEW_KEY);

        CliRun.Result result = CliRun.run(context, "instance-key", "change", "--from-env", "NEW_KEY");

        assertThat(result.err()).startsWith("\rchanging the instance key [").contains("3/3");
    }
}
