package org.rekey.adapter.cli.audit;

import org.rekey.application.audit.Actor;

/** Who acted, in {@code --json} output: {@code {kind, id, label}}. */
public record ActorJson(String kind, String id, String label) {

    public static ActorJson of(Actor actor) {
        return new ActorJson(actor.kind().wireName(), actor.id(), actor.label());
    }
}
