"""The tables of a built referential (``rome-v<N>.sqlite``) and what each file feeds.

The database is written once by the importer and then only read. Its layout is
private to this package: the rest of the program sees the records of
:mod:`bilan_tui.referentiel.model`.
"""

from __future__ import annotations

SCHEMA_VERSION = 1
"""Bumped when the layout changes; a referential built with another is rebuilt on import."""

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE fiche (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, title_key TEXT NOT NULL,
    major TEXT NOT NULL DEFAULT '', minor TEXT NOT NULL DEFAULT '',
    cadre INTEGER NOT NULL DEFAULT 0, regulated INTEGER NOT NULL DEFAULT 0,
    eco TEXT NOT NULL DEFAULT '', num INTEGER NOT NULL DEFAULT 0,
    demo INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE appellation (
    code TEXT PRIMARY KEY, fiche TEXT NOT NULL, long TEXT NOT NULL, short TEXT NOT NULL
);
CREATE INDEX appellation_fiche ON appellation (fiche);
CREATE TABLE label (
    id INTEGER PRIMARY KEY, fiche TEXT NOT NULL, text TEXT NOT NULL,
    is_appellation INTEGER NOT NULL, key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX label_key ON label (key);
CREATE VIRTUAL TABLE label_fts USING fts5 (
    text, tokenize = "unicode61 remove_diacritics 2"
);
CREATE TABLE item (code TEXT PRIMARY KEY, label TEXT NOT NULL, kind TEXT NOT NULL,
    grp TEXT NOT NULL DEFAULT '');
CREATE TABLE fiche_item (
    fiche TEXT NOT NULL, item TEXT NOT NULL, kind TEXT NOT NULL,
    core INTEGER NOT NULL, emerging INTEGER NOT NULL, position INTEGER NOT NULL
);
CREATE INDEX fiche_item_fiche ON fiche_item (fiche);
CREATE TABLE texte (fiche TEXT NOT NULL, kind TEXT NOT NULL, position INTEGER NOT NULL,
    text TEXT NOT NULL);
CREATE INDEX texte_fiche ON texte (fiche);
CREATE TABLE context (code TEXT PRIMARY KEY, label TEXT NOT NULL, type_label TEXT NOT NULL);
CREATE TABLE fiche_context (fiche TEXT NOT NULL, context TEXT NOT NULL,
    position INTEGER NOT NULL);
CREATE INDEX fiche_context_fiche ON fiche_context (fiche);
CREATE TABLE mobility (fiche TEXT NOT NULL, target TEXT NOT NULL, kind TEXT NOT NULL,
    position INTEGER NOT NULL);
CREATE INDEX mobility_fiche ON mobility (fiche);
CREATE TABLE centre (code TEXT PRIMARY KEY, label TEXT NOT NULL, definition TEXT NOT NULL);
CREATE TABLE fiche_centre (centre TEXT NOT NULL, fiche TEXT NOT NULL,
    principal INTEGER NOT NULL);
CREATE INDEX fiche_centre_fiche ON fiche_centre (fiche);
CREATE INDEX fiche_centre_centre ON fiche_centre (centre);
CREATE TABLE sector (fiche TEXT NOT NULL, label TEXT NOT NULL);
CREATE INDEX sector_fiche ON sector (fiche);
"""

REQUIRED: dict[str, tuple[str, ...]] = {
    "referentiel_code_rome": (
        "code_rome",
        "libelle_rome",
        "transition_eco",
        "transition_num",
        "transition_demo",
        "emploi_reglemente",
        "emploi_cadre",
    ),
    "referentiel_code_rome_riasec": ("code_rome", "riasec_majeur", "riasec_mineur"),
    "referentiel_appellation": (
        "code_ogr",
        "libelle_appellation_long",
        "libelle_appellation_court",
        "code_rome",
    ),
    "referentiel_competence": ("code_ogr", "libelle_competence", "cat_comp", "sous_cat_comp"),
    "referentiel_savoir": ("code_ogr_savoir", "libelle_savoir", "categorie_savoir"),
    "liens_rome_referentiels": ("code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"),
    "coherence_item": ("code_rome", "code_ogr", "coeur_metier"),
    "rubrique_mobilite": ("code_rome", "code_rome_cible", "numero_ordre"),
    "texte": ("code_rome", "libelle_type_texte", "position_phrase", "libelle_texte"),
    "referentiel_contexte_travail": ("code_ogr", "libelle_cont_travail", "libelle_type_cont_trav"),
    "centre_interet": ("code_centre_interet", "libelle_centre_interet"),
    "arborescence_centre_interet": ("code_centre_interet", "code_rome", "principal"),
}
"""The files a referential cannot do without, and the columns read from each."""

OPTIONAL: dict[str, tuple[str, ...]] = {
    "arborescence_competences": ("code_ogr_competence", "code_ogr_macro_competence", "enjeu"),
    "arborescence_secteur_activite": ("code_rome", "libelle_sect_activite"),
    "arborescence_secteur_naf": ("code_rome", "libelle_secteur_naf"),
}
"""Files used when present: the competence tree (headings), the fiches' sectors."""
