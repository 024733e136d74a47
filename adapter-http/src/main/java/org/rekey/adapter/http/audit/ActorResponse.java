package org.rekey.adapter.http.audit;

import org.rekey.application.audit.Actor;

/** Who acted: {@code {kind, id, label}} (an API token's id and label, an OS user at a host, the scheduler). */
public record ActorResponse(String kind, String id, String label) {

    public static ActorResponse of(Actor actor) {
        return new ActorResponse(actor.kind().wireName(), actor.id(), actor.label());
    }
}
