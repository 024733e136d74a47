package org.rekey.application.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rekey.application.apikey.Scope;
import org.rekey.application.audit.Actor;
import org.rekey.application.audit.AuditAction;
import org.rekey.application.audit.AuditEntry;
import org.rekey.application.audit.AuditOutcome;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.PageRequest;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.apikey.CreatedApiKey;
import org.rekey.application.port.in.audit.AuditQuery;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.MutableClock;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.DataKeyId;

/** What the audit trail records of the services' changes, who it names, and that it never holds a secret. */
class AuditTrailTest {

    private static final Actor ALICE = Actor.operator("alice", "ops-host");
    private static final Actor TOKEN = Actor.apiKey("K1", "deploy bot");

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock();
    private final TestServices rekey = TestServices.builder().store(store).clock(clock).build();

    @Test
    void rotateAndDestroy_areRecorded_withActorTargetAndTheKeysChanged() {
        String first = rekey.keyring().current().activeKey().orElseThrow().id().value();
        DataKeyView rotated = rekey.keys().rotateDataKey().rotateDataKey(TOKEN);
        rekey.keys().destroyDataKey().destroyDataKey(new DataKeyId(first), ALICE);

        List<AuditEntry> trail = store.auditTrail();
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).action()).isEqualTo(AuditAction.KEY_ROTATE);
        assertThat(trail.get(0).actor()).isEqualTo(TOKEN);
        assertThat(trail.get(0).target()).isEqualTo(rotated.id());
        assertThat(trail.get(0).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(trail.get(0).detail()).contains(first + " (inactive)").contains(rotated.id() + " (active)");
        assertThat(trail.get(1).action()).isEqualTo(AuditAction.KEY_DESTROY);
        assertThat(trail.get(1).actor()).isEqualTo(ALICE);
        assertThat(trail.get(1).target()).isEqualTo(first);
        assertThat(trail.get(1).at()).isEqualTo(clock.instant());
    }

    @Test
    void aRefusedChange_isRecordedAsRefused_withItsCode_andChangesNothingElse() {
        String first = rekey.keyring().current().activeKey().orElseThrow().id().value();
        rekey.credentials().createCredential().createCredential(new CreateCredentialCommand("c", "t", Fixtures.JSON));
        rekey.keys().rotateDataKey().rotateDataKey(ALICE);

        assertRejected(ErrorCode.KEY_IN_USE, () -> rekey.keys().destroyDataKey().destroyDataKey(new DataKeyId(first),
                ALICE));

        assertThat(store.auditTrail()).filteredOn(entry -> entry.action() == AuditAction.KEY_DESTROY)
                .as("the rolled-back change left only its refusal").singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED));
        AuditEntry refused = store.auditTrail().get(store.auditTrail().size() - 1);
        assertThat(refused.action()).isEqualTo(AuditAction.KEY_DESTROY);
        assertThat(refused.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(refused.target()).isEqualTo(first);
        assertThat(refused.detail()).startsWith("KEY_IN_USE: ");
        assertThat(rekey.keys().showDataKey().showDataKey(new DataKeyId(first)).status()).isEqualTo("inactive");
    }

    @Test
    void apiKeys_createdAndRevoked_areRecorded_withoutTheirSecret() {
        CreatedApiKey created = rekey.apiKeys().createApiKey().createApiKey(
                new CreateApiKeyCommand("ci", Set.of(Scope.CREDENTIAL_READ, Scope.CREDENTIAL_LIST)), ALICE);
        rekey.apiKeys().revokeApiKey().revokeApiKey(created.key().id(), ALICE);
        assertRejected(ApplicationErrorCode.API_KEY_NOT_FOUND,
                () -> rekey.apiKeys().revokeApiKey().revokeApiKey("NoSuchKey0000000", TOKEN));

        List<AuditEntry> trail = store.auditTrail();
        assertThat(trail).extracting(AuditEntry::action).containsExactly(AuditAction.API_KEY_CREATE,
                AuditAction.API_KEY_REVOKE, AuditAction.API_KEY_REVOKE);
        assertThat(trail.get(0).target()).isEqualTo(created.key().id());
        assertThat(trail.get(0).detail()).isEqualTo("label 'ci', scopes credential:list,credential:read");
        assertThat(trail.get(2).outcome()).isEqualTo(AuditOutcome.REFUSED);
        String secret = created.token().substring("rk_".length() + created.key().id().length() + 1);
        assertThat(trail).allSatisfy(entry -> assertThat(entry.toString()).doesNotContain(secret));
    }

    @Test
    void refusedAuthentications_writeAtMostOneEntryAMinute_countingTheRefusals() {
        for (int i = 0; i < 5; i++) {
            assertThat(rekey.apiKeys().authenticate().authenticate("rk_NoSuchKey0000000_" + "x".repeat(43))).isEmpty();
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(rekey.apiKeys().authenticate().authenticate("not a token")).isEmpty();

        List<AuditEntry> refusals = store.auditTrail();
        assertThat(refusals).extracting(AuditEntry::action).containsOnly(AuditAction.AUTH_REFUSED);
        assertThat(refusals).hasSize(2);
        assertThat(refusals.get(0).detail()).isEqualTo("1 refused authentication");
        assertThat(refusals.get(1).detail()).startsWith("5 refused authentications since ");
        assertThat(refusals.get(1).outcome()).isEqualTo(AuditOutcome.REFUSED);
    }

    @Test
    void refusalsCountedInTheLastMinute_areWrittenWhenTheInstanceStops() {
        rekey.apiKeys().authenticate().authenticate("not a token");
        rekey.apiKeys().authenticate().authenticate("not a token either");
        rekey.apiKeys().authenticate().authenticate("nor this");

        rekey.close();

        assertThat(store.auditTrail()).extracting(AuditEntry::detail).containsExactly("1 refused authentication",
                "2 refused authentications since " + clock.instant());
    }

    @Test
    void listAudit_readsThePagesAndFilters_newestFirst() {
        rekey.keys().rotateDataKey().rotateDataKey(ALICE);
        clock.advance(Duration.ofMinutes(5));
        rekey.keys().rotateDataKey().rotateDataKey(TOKEN);

        var page = rekey.audit().listAudit().listAudit(new AuditQuery(Optional.of(clock.instant()),
                Optional.of(AuditAction.KEY_ROTATE), PageRequest.first(10)));

        assertThat(page.count()).isEqualTo(1);
        assertThat(page.items()).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo(TOKEN));
    }
}
