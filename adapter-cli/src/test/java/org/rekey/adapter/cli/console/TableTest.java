package org.rekey.adapter.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columns_areAlignedUnderTheirHeaders_withoutTrailingSpaces() {
        String text = Table.withHeader("ID", "STATUS", "RECORDS")
                .row("Ab12Cd34", "active", 3)
                .row("Z", "inactive", 1200)
                .render();

        assertThat(text).isEqualTo("""
                ID        STATUS    RECORDS
                Ab12Cd34  active    3
                Z         inactive  1200
                """);
    }

    @Test
    void fields_alignValuesAfterTheLongestLabel() {
        String text = Table.fields().row("id", "Ab12").row("algorithm", "aes-256-gcm").render();

        assertThat(text).isEqualTo("id         Ab12\nalgorithm  aes-256-gcm\n");
    }

    @Test
    void nullCell_isEmpty() {
        assertThat(Table.withHeader("A", "B").row(null, "x").render()).isEqualTo("A  B\n   x\n");
    }

    @Test
    void rowWithWrongNumberOfCells_isRejected() {
        assertThatThrownBy(() -> Table.withHeader("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
