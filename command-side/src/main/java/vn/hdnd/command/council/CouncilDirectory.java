package vn.hdnd.command.council;

import vn.hdnd.events.council.Tier;

import java.util.Optional;

/** What a new council needs to know about the others: its parent's tier. Backed by the event store. */
interface CouncilDirectory {
    Optional<Tier> tierOf(String councilId);
}
