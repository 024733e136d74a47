package org.rekey.domain.archfixture;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A deliberate violation, in test code only: proves the architecture rule catches JPA in the domain. */
@Entity
public class DomainTypeUsingJpa {
    @Id
    private String id;
}
