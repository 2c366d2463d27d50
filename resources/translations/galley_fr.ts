<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>Mark done</source>
            <translation>Marquer comme terminé</translation>
        </message>
        <message>
            <source>{n} finding(s) of this article are still pending.</source>
            <translation>{n} signalement(s) de cet article sont encore en attente.</translation>
        </message>
        <message>
            <source>Mark done anyway</source>
            <translation>Marquer terminé quand même</translation>
        </message>
        <message>
            <source>Keep reviewing</source>
            <translation>Continuer la relecture</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Galley: unexpected error</source>
            <translation>Galley : erreur inattendue</translation>
        </message>
        <message>
            <source>Something went wrong, but your work is kept: every decision is already saved in the session.

{error}</source>
            <translation>Un problème est survenu, mais votre travail est conservé : chaque décision est déjà enregistrée dans la session.

{error}</translation>
        </message>
    </context>
    <context>
        <name>ArticleList</name>
        <message>
            <source>Only articles with &amp;pending findings</source>
            <translation>Seulement les articles avec des signalements en &amp;attente</translation>
        </message>
    </context>
    <context>
        <name>ArticleListModel</name>
        <message>
            <source>(untitled)</source>
            <translation>(sans titre)</translation>
        </message>
        <message>
            <source>{label} — {n} pending</source>
            <translation>{label} — {n} en attente</translation>
        </message>
    </context>
    <context>
        <name>BulkAcceptDialog</name>
        <message>
            <source>Accept in Bulk</source>
            <translation>Accepter en bloc</translation>
        </message>
        <message>
            <source>Every &amp;safe finding (automatic, or information with one suggestion)</source>
            <translation>Toutes les alertes &amp;sûres (automatiques, ou informations à une seule suggestion)</translation>
        </message>
        <message>
            <source>Every finding of the &amp;category “{name}”</source>
            <translation>Toutes les alertes de la &amp;catégorie « {name} »</translation>
        </message>
        <message>
            <source>Every finding of the r&amp;ule “{name}”</source>
            <translation>Toutes les alertes de la &amp;règle « {name} »</translation>
        </message>
        <message>
            <source>In every &amp;open article</source>
            <translation>Dans tous les articles &amp;ouverts</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>Trouvé</translation>
        </message>
        <message>
            <source>Becomes</source>
            <translation>Devient</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Contexte</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Accepter</translation>
        </message>
        <message>
            <source>{n} change(s) in {k} article(s).</source>
            <translation>{n} modification(s) dans {k} article(s).</translation>
        </message>
        <message>
            <source>{m} article(s) not analysed yet are left out: open them first.</source>
            <translation>{m} article(s) pas encore analysé(s) sont laissés de côté : ouvrez-les d’abord.</translation>
        </message>
        <message>
            <source>(deleted)</source>
            <translation>(supprimé)</translation>
        </message>
        <message>
            <source>Accept {n}</source>
            <translation>Accepter {n}</translation>
        </message>
    </context>
    <context>
        <name>BulkReview</name>
        <message>
            <source>No article analysed yet</source>
            <translation>Aucun article analysé pour l’instant</translation>
        </message>
        <message>
            <source>Read-only: this session is open in another window</source>
            <translation>Lecture seule : cette session est ouverte dans une autre fenêtre</translation>
        </message>
        <message>
            <source>Accepted {n} finding(s) in {k} article(s); Ctrl+Z undoes them, article by article</source>
            <translation>{n} alerte(s) acceptée(s) dans {k} article(s) ; Ctrl+Z les annule, article par article</translation>
        </message>
    </context>
    <context>
        <name>Categories</name>
        <message>
            <source>Encoding</source>
            <translation>Encodage</translation>
        </message>
        <message>
            <source>Markup</source>
            <translation>Balisage</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>Liens</translation>
        </message>
        <message>
            <source>Spelling</source>
            <translation>Orthographe</translation>
        </message>
        <message>
            <source>Foreign words</source>
            <translation>Mots étrangers</translation>
        </message>
        <message>
            <source>Repetition</source>
            <translation>Répétitions</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>Doublons</translation>
        </message>
        <message>
            <source>Boilerplate</source>
            <translation>Texte parasite</translation>
        </message>
        <message>
            <source>Typography</source>
            <translation>Typographie</translation>
        </message>
        <message>
            <source>Capitalisation</source>
            <translation>Majuscules</translation>
        </message>
        <message>
            <source>Terminology</source>
            <translation>Terminologie</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Registre</translation>
        </message>
        <message>
            <source>Whitespace</source>
            <translation>Espaces</translation>
        </message>
    </context>
    <context>
        <name>ConfirmAcceptAllDialog</name>
        <message>
            <source>Accept all</source>
            <translation>Tout accepter</translation>
        </message>
        <message>
            <source>Accept the only pending finding of the rule “{rule}” ({category})?</source>
            <translation>Accepter le seul signalement en attente de la règle « {rule} » ({category}) ?</translation>
        </message>
        <message>
            <source>Accept all {count} pending findings of the rule “{rule}” ({category})?</source>
            <translation>Accepter les {count} signalements en attente de la règle « {rule} » ({category}) ?</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>Trouvé</translation>
        </message>
        <message>
            <source>Becomes</source>
            <translation>Devient</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Contexte</translation>
        </message>
        <message>
            <source>(no suggestion: left as is)</source>
            <translation>(pas de suggestion : laissé tel quel)</translation>
        </message>
        <message>
            <source>(deleted)</source>
            <translation>(supprimé)</translation>
        </message>
        <message>
            <source>Do not ask again for this rule in this session</source>
            <translation>Ne plus demander pour cette règle dans cette session</translation>
        </message>
        <message>
            <source>Findings without a suggestion are left unchanged.</source>
            <translation>Les signalements sans suggestion restent inchangés.</translation>
        </message>
    </context>
    <context>
        <name>CorpusPreviewDialog</name>
        <message>
            <source>Replace in All Articles</source>
            <translation>Remplacer dans tous les articles</translation>
        </message>
        <message>
            <source>Matches in All Articles</source>
            <translation>Occurrences dans tous les articles</translation>
        </message>
        <message>
            <source>{n} match(es) in {k} article(s).</source>
            <translation>{n} occurrence(s) dans {k} article(s).</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>Trouvé</translation>
        </message>
        <message>
            <source>Becomes</source>
            <translation>Devient</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Contexte</translation>
        </message>
        <message>
            <source>(deleted)</source>
            <translation>(supprimé)</translation>
        </message>
        <message>
            <source>&amp;Go to Match</source>
            <translation>&amp;Aller à l’occurrence</translation>
        </message>
        <message>
            <source>Replace {n}</source>
            <translation>Remplacer {n}</translation>
        </message>
    </context>
    <context>
        <name>EncodingDialog</name>
        <message>
            <source>Reopen with Encoding</source>
            <translation>Rouvrir avec un autre encodage</translation>
        </message>
        <message>
            <source>Windows-1252 (Western Europe)</source>
            <translation>Windows-1252 (Europe occidentale)</translation>
        </message>
        <message>
            <source>ISO-8859-15 (Latin-9, with €)</source>
            <translation>ISO-8859-15 (Latin-9, avec €)</translation>
        </message>
        <message>
            <source>DOS 850 (Western Europe)</source>
            <translation>DOS 850 (Europe occidentale)</translation>
        </message>
        <message>
            <source>UTF-16 (with byte order mark)</source>
            <translation>UTF-16 (avec indicateur d’ordre des octets)</translation>
        </message>
        <message>
            <source>UTF-16 little-endian</source>
            <translation>UTF-16 petit-boutiste</translation>
        </message>
        <message>
            <source>UTF-16 big-endian</source>
            <translation>UTF-16 gros-boutiste</translation>
        </message>
        <message>
            <source>Windows-1250 (Central Europe)</source>
            <translation>Windows-1250 (Europe centrale)</translation>
        </message>
        <message>
            <source>ISO-8859-2 (Central Europe)</source>
            <translation>ISO-8859-2 (Europe centrale)</translation>
        </message>
        <message>
            <source>Windows-1251 (Cyrillic)</source>
            <translation>Windows-1251 (cyrillique)</translation>
        </message>
        <message>
            <source>KOI8-R (Cyrillic)</source>
            <translation>KOI8-R (cyrillique)</translation>
        </message>
        <message>
            <source>Currently read as: {codec}</source>
            <translation>Lu actuellement en : {codec}</translation>
        </message>
        <message>
            <source>Encoding unknown</source>
            <translation>Encodage inconnu</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Rouvrir</translation>
        </message>
        <message>
            <source>&amp;Encoding:</source>
            <translation>&amp;Encodage :</translation>
        </message>
        <message>
            <source>{count} bytes cannot be read with this encoding (shown as �).</source>
            <translation>{count} octets ne se lisent pas avec cet encodage (affichés �).</translation>
        </message>
        <message>
            <source>Every byte of the preview can be read with this encoding.</source>
            <translation>Tous les octets de l’aperçu se lisent avec cet encodage.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>Only articles marked done</source>
            <translation>Seulement les articles terminés</translation>
        </message>
        <message>
            <source>Overwrite existing files</source>
            <translation>Écraser les fichiers existants</translation>
        </message>
        <message>
            <source>No report</source>
            <translation>Pas de rapport</translation>
        </message>
        <message>
            <source>{kind} report</source>
            <translation>Rapport {kind}</translation>
        </message>
        <message>
            <source>{n} of {total} article(s) are not marked done: check “Only articles marked done” to leave them out.</source>
            <translation>{n} article(s) sur {total} ne sont pas marqués comme terminés : cochez « Seulement les articles terminés » pour les laisser de côté.</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Dossier :</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Format :</translation>
        </message>
        <message>
            <source>Report:</source>
            <translation>Rapport :</translation>
        </message>
        <message>
            <source>Export into</source>
            <translation>Exporter dans</translation>
        </message>
    </context>
    <context>
        <name>Exporting</name>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Export works on a session, and this window has none (see the status bar).</source>
            <translation>L’export porte sur une session, et cette fenêtre n’en a pas (voir la barre d’état).</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Export incomplete</source>
            <translation>Export incomplet</translation>
        </message>
        <message>
            <source>{n} article(s) written; these were not:</source>
            <translation>{n} article(s) écrit(s) ; ceux-ci ne l’ont pas été :</translation>
        </message>
        <message>
            <source>Exported {n} article(s) in {files} file(s)</source>
            <translation>{n} article(s) exporté(s) dans {files} fichier(s)</translation>
        </message>
        <message>
            <source>{n} not marked done left out</source>
            <translation>{n} non terminé(s) laissé(s) de côté</translation>
        </message>
        <message>
            <source>report: {path}</source>
            <translation>rapport : {path}</translation>
        </message>
    </context>
    <context>
        <name>FindReplaceDialog</name>
        <message>
            <source>Find and Replace</source>
            <translation>Rechercher et remplacer</translation>
        </message>
        <message>
            <source>Searching article {i} of {n}…</source>
            <translation>Recherche dans l’article {i} sur {n}…</translation>
        </message>
        <message>
            <source>Text or regular expression</source>
            <translation>Texte ou expression régulière</translation>
        </message>
        <message>
            <source>Replacement (\1 or \g&lt;name&gt; for groups)</source>
            <translation>Remplacement (\1 ou \g&lt;nom&gt; pour les groupes)</translation>
        </message>
        <message>
            <source>Regular e&amp;xpression</source>
            <translation>E&amp;xpression régulière</translation>
        </message>
        <message>
            <source>&amp;Match case</source>
            <translation>Respecter la &amp;casse</translation>
        </message>
        <message>
            <source>&amp;Whole words</source>
            <translation>&amp;Mots entiers</translation>
        </message>
        <message>
            <source>In all open a&amp;rticles</source>
            <translation>Dans tous les a&amp;rticles ouverts</translation>
        </message>
        <message>
            <source>Next and Replace All list every match of every article first</source>
            <translation>Suivant et Tout remplacer listent d’abord chaque occurrence de chaque article</translation>
        </message>
        <message>
            <source>&amp;Previous</source>
            <translation>&amp;Précédent</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>&amp;Suivant</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>R&amp;emplacer</translation>
        </message>
        <message>
            <source>Replace &amp;All</source>
            <translation>&amp;Tout remplacer</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>Arrê&amp;ter</translation>
        </message>
        <message>
            <source>&amp;Find:</source>
            <translation>&amp;Rechercher :</translation>
        </message>
        <message>
            <source>Replace &amp;with:</source>
            <translation>Remplacer &amp;par :</translation>
        </message>
        <message>
            <source>Type the text to find.</source>
            <translation>Saisissez le texte à rechercher.</translation>
        </message>
        <message>
            <source>Search stopped.</source>
            <translation>Recherche arrêtée.</translation>
        </message>
        <message>
            <source>The search took longer than {seconds:g} s in “{article}” and was stopped. Simplify the regular expression (nested repetitions such as (a+)+ are slow).</source>
            <translation>La recherche a pris plus de {seconds:g} s dans « {article} » et a été arrêtée. Simplifiez l’expression régulière (les répétitions imbriquées comme (a+)+ sont lentes).</translation>
        </message>
        <message>
            <source>{m} article(s) not analysed yet (or read-only) were not searched.</source>
            <translation>{m} article(s) pas encore analysé(s) (ou en lecture seule) n’ont pas été parcourus.</translation>
        </message>
        <message>
            <source>{n} match(es) in {k} article(s).</source>
            <translation>{n} occurrence(s) dans {k} article(s).</translation>
        </message>
        <message>
            <source>Replaced {n} occurrence(s) in {k} article(s); Ctrl+Z undoes them, article by article.</source>
            <translation>{n} occurrence(s) remplacée(s) dans {k} article(s) ; Ctrl+Z les annule, article par article.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Recherche…</translation>
        </message>
        <message>
            <source>The search took longer than {seconds:g} s and was stopped. Simplify the regular expression (nested repetitions such as (a+)+ are slow).</source>
            <translation>La recherche a duré plus de {seconds:g} s et a été arrêtée. Simplifiez l’expression régulière (les répétitions imbriquées comme (a+)+ sont lentes).</translation>
        </message>
        <message>
            <source>Invalid regular expression or replacement: {detail}</source>
            <translation>Expression régulière ou remplacement invalide : {detail}</translation>
        </message>
        <message>
            <source>No match.</source>
            <translation>Aucun résultat.</translation>
        </message>
        <message>
            <source> (stopped after {count} matches)</source>
            <translation> (arrêt après {count} résultats)</translation>
        </message>
        <message>
            <source>1 match</source>
            <translation>1 résultat</translation>
        </message>
        <message>
            <source>{count} matches</source>
            <translation>{count} résultats</translation>
        </message>
        <message>
            <source>Match {index} of {total}</source>
            <translation>Résultat {index} sur {total}</translation>
        </message>
        <message>
            <source>(search wrapped around)</source>
            <translation>(la recherche a repris au début)</translation>
        </message>
        <message>
            <source>Replaced 1 occurrence.</source>
            <translation>1 occurrence remplacée.</translation>
        </message>
        <message>
            <source>Replaced {count} occurrences.</source>
            <translation>{count} occurrences remplacées.</translation>
        </message>
    </context>
    <context>
        <name>FindingActions</name>
        <message>
            <source>Finding</source>
            <translation>Signalement</translation>
        </message>
        <message>
            <source>{rule} ignored in this article ({n} finding(s))</source>
            <translation>{rule} ignorée dans cet article ({n} signalement(s))</translation>
        </message>
        <message>
            <source>{rule} turned off (Preferences, Checking, to turn it back on)</source>
            <translation>{rule} désactivée (Préférences, Vérification, pour la réactiver)</translation>
        </message>
        <message>
            <source>The glossary could not be saved: {error}</source>
            <translation>Le glossaire n’a pas pu être enregistré : {error}</translation>
        </message>
        <message>
            <source>Glossary: always replace “{wrong}” by “{prefer}” ({path})</source>
            <translation>Glossaire : toujours remplacer « {wrong} » par « {prefer} » ({path})</translation>
        </message>
        <message>
            <source>Not a web address: {url}</source>
            <translation>Ce n’est pas une adresse web : {url}</translation>
        </message>
        <message>
            <source>Source URL set: links are checked again with {url}</source>
            <translation>URL source définie : les liens sont revérifiés avec {url}</translation>
        </message>
        <message>
            <source>Article's source URL</source>
            <translation>URL source de l’article</translation>
        </message>
        <message>
            <source>The address the article was published at (host-less links are rebuilt with its site):</source>
            <translation>L’adresse où l’article a été publié (les liens sans nom de site sont reconstruits avec ce site) :</translation>
        </message>
    </context>
    <context>
        <name>FindingDetail</name>
        <message>
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Exemples</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>Suggestions</translation>
        </message>
        <message>
            <source>&amp;Accept (Ctrl+Return)</source>
            <translation>Acce&amp;pter (Ctrl+Entrée)</translation>
        </message>
        <message>
            <source>Re&amp;ject (Ctrl+Backspace)</source>
            <translation>Re&amp;jeter (Ctrl+Retour arrière)</translation>
        </message>
        <message>
            <source>Ignore this &amp;word (Ctrl+I)</source>
            <translation>Ignorer ce &amp;mot (Ctrl+I)</translation>
        </message>
        <message>
            <source>Add to &amp;dictionary (Ctrl+Shift+D)</source>
            <translation>Ajouter au dic&amp;tionnaire (Ctrl+Maj+D)</translation>
        </message>
        <message>
            <source>Ignore this rule in this arti&amp;cle</source>
            <translation>Ignorer cette règle dans cet arti&amp;cle</translation>
        </message>
        <message>
            <source>Revert this fi&amp;x (Ctrl+Shift+R)</source>
            <translation>Annuler cette correctio&amp;n (Ctrl+Maj+R)</translation>
        </message>
        <message>
            <source>&amp;Turn this rule off</source>
            <translation>Désacti&amp;ver cette règle</translation>
        </message>
        <message>
            <source>Add to &amp;glossary…</source>
            <translation>Ajouter au &amp;glossaire…</translation>
        </message>
        <message>
            <source>Accept all of this r&amp;ule…</source>
            <translation>Tout accepter pour cette r&amp;ègle…</translation>
        </message>
        <message>
            <source>De&amp;lete this link</source>
            <translation>Supprimer ce &amp;lien</translation>
        </message>
        <message>
            <source>Set the article's &amp;source URL…</source>
            <translation>Définir l’URL &amp;source de l’article…</translation>
        </message>
        <message>
            <source>No finding selected</source>
            <translation>Aucun signalement sélectionné</translation>
        </message>
        <message>
            <source>Select a finding in the table or press F8 to go to the next one.</source>
            <translation>Sélectionnez un signalement dans le tableau ou appuyez sur F8 pour aller au suivant.</translation>
        </message>
        <message>
            <source>Changed “{before}” → “{after}”</source>
            <translation>Modifié : « {before} » → « {after} »</translation>
        </message>
        <message>
            <source>(delete)</source>
            <translation>(supprimer)</translation>
        </message>
    </context>
    <context>
        <name>FindingsPanel</name>
        <message>
            <source>Search findings…</source>
            <translation>Rechercher dans les signalements…</translation>
        </message>
        <message>
            <source>All severities</source>
            <translation>Toutes les gravités</translation>
        </message>
        <message>
            <source>Warnings and errors</source>
            <translation>Avertissements et erreurs</translation>
        </message>
        <message>
            <source>Errors only</source>
            <translation>Erreurs seulement</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>En attente</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Tous les états</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>Traités</translation>
        </message>
        <message>
            <source>Automatic fixes</source>
            <translation>Corrections automatiques</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Tous</translation>
        </message>
        <message>
            <source>{n} finding(s) ({which}): {total} in all, {p} pending</source>
            <translation>{n} signalement(s) ({which}) : {total} en tout, {p} en attente</translation>
        </message>
        <message>
            <source>All {n}</source>
            <translation>Tous ({n})</translation>
        </message>
        <message>
            <source>No findings in this article.</source>
            <translation>Aucun signalement dans cet article.</translation>
        </message>
        <message>
            <source>All reviewed: no finding pending here.</source>
            <translation>Tout est revu : aucun signalement en attente ici.</translation>
        </message>
        <message>
            <source>Nothing matches these filters.</source>
            <translation>Rien ne correspond à ces filtres.</translation>
        </message>
    </context>
    <context>
        <name>GlossaryEntryDialog</name>
        <message>
            <source>Add to Glossary</source>
            <translation>Ajouter au glossaire</translation>
        </message>
        <message>
            <source>From now on, in every article, always replace:</source>
            <translation>Désormais, dans chaque article, toujours remplacer :</translation>
        </message>
        <message>
            <source>&amp;Replace:</source>
            <translation>&amp;Remplacer :</translation>
        </message>
        <message>
            <source>&amp;By:</source>
            <translation>&amp;Par :</translation>
        </message>
    </context>
    <context>
        <name>ItemMenus</name>
        <message>
            <source>(delete)</source>
            <translation>(supprimer)</translation>
        </message>
        <message>
            <source>Suggestions: {list}</source>
            <translation>Suggestions : {list}</translation>
        </message>
        <message>
            <source>Changed “{before}” → “{after}”</source>
            <translation>« {before} » → « {after} »</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <source>Replace with “{s}”</source>
            <translation>Remplacer par « {s} »</translation>
        </message>
        <message>
            <source>Delete “{t}”</source>
            <translation>Supprimer « {t} »</translation>
        </message>
        <message>
            <source>Reject (keep as is)</source>
            <translation>Rejeter (garder tel quel)</translation>
        </message>
        <message>
            <source>Delete this link</source>
            <translation>Supprimer ce lien</translation>
        </message>
        <message>
            <source>Set the article's source URL…</source>
            <translation>Définir l’URL source de l’article…</translation>
        </message>
        <message>
            <source>Accept all of {rule}…</source>
            <translation>Tout accepter pour {rule}…</translation>
        </message>
        <message>
            <source>Ignore “{w}” in session</source>
            <translation>Ignorer « {w} » dans la session</translation>
        </message>
        <message>
            <source>Add “{w}” to dictionary</source>
            <translation>Ajouter « {w} » au dictionnaire</translation>
        </message>
        <message>
            <source>Always replace “{w}”… (glossary)</source>
            <translation>Toujours remplacer « {w} »… (glossaire)</translation>
        </message>
        <message>
            <source>Ignore {rule} in this article</source>
            <translation>Ignorer {rule} dans cet article</translation>
        </message>
        <message>
            <source>Turn {rule} off</source>
            <translation>Désactiver {rule}</translation>
        </message>
        <message>
            <source>Revert automatic fix</source>
            <translation>Annuler la correction automatique</translation>
        </message>
        <message>
            <source>Revert this fix</source>
            <translation>Annuler cette correction</translation>
        </message>
    </context>
    <context>
        <name>KeysDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
    </context>
    <context>
        <name>LegendWidget</name>
        <message>
            <source>{name} ({count} pending)</source>
            <translation>{name} ({count} en attente)</translation>
        </message>
        <message>
            <source>Click to show only this category</source>
            <translation>Cliquer pour n’afficher que cette catégorie</translation>
        </message>
    </context>
    <context>
        <name>LinksModel</name>
        <message>
            <source>ok</source>
            <translation>valide</translation>
        </message>
        <message>
            <source>malformed</source>
            <translation>mal formé</translation>
        </message>
        <message>
            <source>repaired</source>
            <translation>réparé</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>supprimé</translation>
        </message>
        <message>
            <source>dead</source>
            <translation>mort</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <source>Becomes</source>
            <translation>Devient</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Détail</translation>
        </message>
        <message>
            <source>(removed)</source>
            <translation>(supprimé)</translation>
        </message>
    </context>
    <context>
        <name>LinksPanel</name>
        <message>
            <source>Check links online</source>
            <translation>Vérifier les liens en ligne</translation>
        </message>
        <message>
            <source>Ask each web address once whether it still answers. Off by default: nothing leaves your computer unless you switch this on.</source>
            <translation>Interroger une fois chaque adresse web pour savoir si elle répond encore. Désactivé par défaut : rien ne quitte votre ordinateur tant que vous ne l’activez pas.</translation>
        </message>
        <message>
            <source>The online check failed: {error}</source>
            <translation>La vérification en ligne a échoué : {error}</translation>
        </message>
        <message>
            <source>Removed from the cleaned text.</source>
            <translation>Supprimé du texte nettoyé.</translation>
        </message>
        <message>
            <source>Becomes: {target}</source>
            <translation>Devient : {target}</translation>
        </message>
        <message>
            <source>No links in this article.</source>
            <translation>Aucun lien dans cet article.</translation>
        </message>
        <message>
            <source>{count} links</source>
            <translation>{count} liens</translation>
        </message>
        <message>
            <source>checking online…</source>
            <translation>vérification en ligne…</translation>
        </message>
    </context>
    <context>
        <name>Loading</name>
        <message>
            <source>Re-applying your decisions to the changed file: the Cleaned pane takes typing when done.</source>
            <translation>Vos décisions sont réappliquées au fichier modifié : le volet Nettoyé accepte de nouveau la saisie ensuite.</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>Non enregistré : {error}</translation>
        </message>
        <message>
            <source>{n} file(s) or record(s) could not be loaded</source>
            <translation>{n} fichier(s) ou enregistrement(s) n’ont pas pu être chargés</translation>
        </message>
        <message>
            <source>Some input could not be loaded</source>
            <translation>Une partie des fichiers n’a pas pu être chargée</translation>
        </message>
        <message>
            <source>{n} file(s) or record(s) could not be loaded:</source>
            <translation>{n} fichier(s) ou enregistrement(s) n’ont pas pu être chargés :</translation>
        </message>
        <message>
            <source>Nothing to review: no article could be loaded. Use File → Open.</source>
            <translation>Rien à relire : aucun article n’a pu être chargé. Utilisez Fichier → Ouvrir.</translation>
        </message>
        <message>
            <source>Re-applying decisions…</source>
            <translation>Réapplication des décisions…</translation>
        </message>
        <message>
            <source>Reloaded: {kept} decision(s) re-applied, {lost} lost</source>
            <translation>Rechargé : {kept} décision(s) réappliquée(s), {lost} perdue(s)</translation>
        </message>
        <message>
            <source>Analysing…</source>
            <translation>Analyse…</translation>
        </message>
        <message>
            <source>{n} findings to review: press F8 to go to the first one</source>
            <translation>{n} signalements à relire : F8 pour aller au premier</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Raw</source>
            <translation>Brut</translation>
        </message>
        <message>
            <source>Cleaned</source>
            <translation>Nettoyé</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Signalements</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>Légende</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>Liens</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Fichiers &amp;récents</translation>
        </message>
        <message>
            <source>Reopen with &amp;Encoding…</source>
            <translation>Rouvrir avec un autre &amp;encodage…</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;Review</source>
            <translation>&amp;Relecture</translation>
        </message>
        <message>
            <source>Accept &amp;Suggestion</source>
            <translation>Accepter la &amp;suggestion</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Aid&amp;e</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <source>Open articles</source>
            <translation>Ouvrir des articles</translation>
        </message>
        <message>
            <source>Articles (*.txt *.md *.html *.htm *.json *.jsonl *.ndjson);;All files (*)</source>
            <translation>Articles (*.txt *.md *.html *.htm *.json *.jsonl *.ndjson);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <source>The source file is not available</source>
            <translation>Le fichier source n’est pas disponible</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <source>Could not load</source>
            <translation>Chargement impossible</translation>
        </message>
        <message>
            <source>Could not analyse the article</source>
            <translation>Impossible d’analyser l’article</translation>
        </message>
        <message>
            <source>Could not re-check</source>
            <translation>Nouvelle vérification impossible</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Échec de l’export</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <source>This article has a line of {n} characters, too long to display without freezing Galley. Both panes show its first {k} characters, read-only; the whole text is analysed, reviewed from the findings panel and exported.</source>
            <translation>Cet article contient une ligne de {n} caractères, trop longue pour être affichée sans bloquer Galley. Les deux volets en montrent les {k} premiers caractères, en lecture seule ; tout le texte est analysé, relu depuis le panneau des signalements et exporté.</translation>
        </message>
        <message>
            <source>This article has a line of {n} characters. To keep Galley responsive the Cleaned pane is read-only; findings can still be accepted, rejected and exported.</source>
            <translation>Cet article contient une ligne de {n} caractères. Pour que Galley reste réactif, le volet Nettoyé est en lecture seule ; les signalements peuvent toujours être acceptés, rejetés et exportés.</translation>
        </message>
        <message>
            <source>Not marked done: {n} finding(s) pending</source>
            <translation>Non marqué comme terminé : {n} signalement(s) en attente</translation>
        </message>
        <message>
            <source>Every article is done</source>
            <translation>Tous les articles sont terminés</translation>
        </message>
        <message>
            <source>About Galley</source>
            <translation>À propos de Galley</translation>
        </message>
        <message>
            <source>Galley {v}: correct scraped news articles, side by side and from the keyboard.</source>
            <translation>Galley {v} : corriger des articles de presse aspirés, côte à côte et au clavier.</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>No glossary file at this path.</source>
            <translation>Aucun fichier de glossaire à cet emplacement.</translation>
        </message>
        <message>
            <source>This file is too large to be a glossary.</source>
            <translation>Ce fichier est trop gros pour être un glossaire.</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <source>&amp;Checking</source>
            <translation>&amp;Vérification</translation>
        </message>
        <message>
            <source>&amp;Dictionary</source>
            <translation>&amp;Dictionnaire</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>A&amp;pparence</translation>
        </message>
        <message>
            <source>Detect automatically</source>
            <translation>Détecter automatiquement</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Français</translation>
        </message>
        <message>
            <source>German</source>
            <translation>Allemand</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Anglais</translation>
        </message>
        <message>
            <source>France (fr-FR)</source>
            <translation>France (fr-FR)</translation>
        </message>
        <message>
            <source>Canada (fr-CA)</source>
            <translation>Canada (fr-CA)</translation>
        </message>
        <message>
            <source>Switzerland (fr-CH)</source>
            <translation>Suisse (fr-CH)</translation>
        </message>
        <message>
            <source>Report it once, as information</source>
            <translation>Le signaler une fois, comme information</translation>
        </message>
        <message>
            <source>Keep it silently</source>
            <translation>Le garder sans rien signaler</translation>
        </message>
        <message>
            <source>A convention the article keeps throughout (guillemets without spaces, 2e, 20%, 40°C…) is its house style, not damage. Either way, the places that break the article's own convention stay warnings.</source>
            <translation>Une convention que l’article suit partout (guillemets sans espaces, 2e, 20%, 40°C…) est son style maison, pas un dégât. Dans les deux cas, les endroits qui s’écartent de la convention de l’article restent des avertissements.</translation>
        </message>
        <message>
            <source>Check all</source>
            <translation>Tout cocher</translation>
        </message>
        <message>
            <source>Check none</source>
            <translation>Tout décocher</translation>
        </message>
        <message>
            <source>None: only Galley's own glossary</source>
            <translation>Aucun : seulement le glossaire de Galley</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>Article &amp;language:</source>
            <translation>&amp;Langue de l’article :</translation>
        </message>
        <message>
            <source>French &amp;typography:</source>
            <translation>&amp;Typographie française :</translation>
        </message>
        <message>
            <source>An article's &amp;house style:</source>
            <translation>Style &amp;maison de l’article :</translation>
        </message>
        <message>
            <source>My &amp;glossary (TOML):</source>
            <translation>Mon &amp;glossaire (TOML) :</translation>
        </message>
        <message>
            <source>Kinds of problems to look for:</source>
            <translation>Types de problèmes à rechercher :</translation>
        </message>
        <message>
            <source>Rules turned off (check one to turn it back on):</source>
            <translation>Règles désactivées (cochez-en une pour la réactiver) :</translation>
        </message>
        <message>
            <source>Words in your personal dictionary are never reported as misspelled or foreign.</source>
            <translation>Les mots de votre dictionnaire personnel ne sont jamais signalés comme fautifs ou étrangers.</translation>
        </message>
        <message>
            <source>New word</source>
            <translation>Nouveau mot</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Ajouter</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <source> pt</source>
            <translation> pt</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Suivre le système</translation>
        </message>
        <message>
            <source>A new interface language applies the next time Galley starts.</source>
            <translation>Une nouvelle langue d’interface s’applique au prochain démarrage de Galley.</translation>
        </message>
        <message>
            <source>Colours follow the system theme, light or dark.</source>
            <translation>Les couleurs suivent le thème du système, clair ou sombre.</translation>
        </message>
        <message>
            <source>Text &amp;font:</source>
            <translation>&amp;Police du texte :</translation>
        </message>
        <message>
            <source>Font &amp;size:</source>
            <translation>&amp;Taille :</translation>
        </message>
        <message>
            <source>&amp;Interface language:</source>
            <translation>Langue de l’&amp;interface :</translation>
        </message>
        <message>
            <source>{count} entries read.</source>
            <translation>{count} entrées lues.</translation>
        </message>
        <message>
            <source>Choose a glossary</source>
            <translation>Choisir un glossaire</translation>
        </message>
        <message>
            <source>TOML glossary (*.toml)</source>
            <translation>Glossaire TOML (*.toml)</translation>
        </message>
    </context>
    <context>
        <name>ReviewController</name>
        <message>
            <source>Read-only: this session is open in another window</source>
            <translation>Lecture seule : cette session est ouverte dans une autre fenêtre</translation>
        </message>
        <message>
            <source>No finding selected: press F8 to go to the next one</source>
            <translation>Aucun signalement sélectionné : F8 pour aller au suivant</translation>
        </message>
        <message>
            <source>This finding is already decided</source>
            <translation>Ce signalement est déjà traité</translation>
        </message>
        <message>
            <source>No suggestion {n}: edit the text by hand, or reject (Ctrl+Backspace)</source>
            <translation>Pas de suggestion {n} : corrigez le texte à la main, ou rejetez (Ctrl+Retour arrière)</translation>
        </message>
        <message>
            <source>No pending finding selected</source>
            <translation>Aucun signalement en attente sélectionné</translation>
        </message>
        <message>
            <source>Select an automatic fix to revert</source>
            <translation>Sélectionnez une correction automatique à annuler</translation>
        </message>
        <message>
            <source>No finding selected</source>
            <translation>Aucun signalement sélectionné</translation>
        </message>
        <message>
            <source>No pending finding of this rule has a suggestion</source>
            <translation>Aucun signalement en attente de cette règle n’a de suggestion</translation>
        </message>
        <message>
            <source>Accepted {n} finding(s) of {rule}</source>
            <translation>{n} signalement(s) de {rule} accepté(s)</translation>
        </message>
        <message>
            <source>“{word}” ignored in this session</source>
            <translation>« {word} » ignoré dans cette session</translation>
        </message>
        <message>
            <source>The dictionary could not be saved: {error}</source>
            <translation>Le dictionnaire n’a pas pu être enregistré : {error}</translation>
        </message>
        <message>
            <source>“{word}” added to your dictionary</source>
            <translation>« {word} » ajouté à votre dictionnaire</translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation>Rien à annuler</translation>
        </message>
        <message>
            <source>Nothing to redo</source>
            <translation>Rien à rétablir</translation>
        </message>
    </context>
    <context>
        <name>ReviewView</name>
        <message>
            <source>No pending finding in this article</source>
            <translation>Aucun signalement en attente dans cet article</translation>
        </message>
        <message>
            <source>Wrapped around</source>
            <translation>Reprise au début</translation>
        </message>
        <message>
            <source>Every finding of this article is reviewed</source>
            <translation>Tous les signalements de cet article sont traités</translation>
        </message>
    </context>
    <context>
        <name>SessionKeeper</name>
        <message>
            <source>Session in use by another window: changes are not saved</source>
            <translation>Session utilisée par une autre fenêtre : les modifications ne sont pas enregistrées</translation>
        </message>
        <message>
            <source>Session in use</source>
            <translation>Session déjà utilisée</translation>
        </message>
        <message>
            <source>Galley opened the articles without saving your work. Close the other window and reopen to save.</source>
            <translation>Galley a ouvert les articles sans enregistrer votre travail. Fermez l’autre fenêtre et rouvrez pour enregistrer.</translation>
        </message>
        <message>
            <source>No session: changes are not saved</source>
            <translation>Pas de session : les modifications ne sont pas enregistrées</translation>
        </message>
        <message>
            <source>Session not available</source>
            <translation>Session indisponible</translation>
        </message>
        <message>
            <source>Read-only: the session is open in another window</source>
            <translation>Lecture seule : la session est ouverte dans une autre fenêtre</translation>
        </message>
        <message>
            <source>Galley shows the session as the other window last saved it, read-only. Close the other window and reopen to make changes.</source>
            <translation>Galley montre la session telle que l’autre fenêtre l’a enregistrée, en lecture seule. Fermez l’autre fenêtre et rouvrez pour faire des modifications.</translation>
        </message>
        <message>
            <source>This session is open in another Galley window: it is shown read-only, with the work that window saved. Close the other window and reopen to make changes.</source>
            <translation>Cette session est ouverte dans une autre fenêtre de Galley : elle est affichée en lecture seule, avec le travail que cette fenêtre a enregistré. Fermez l’autre fenêtre et rouvrez pour faire des modifications.</translation>
        </message>
        <message>
            <source>Not saved ({n} change(s) waiting, trying again): {error}</source>
            <translation>Non enregistré ({n} modification(s) en attente, nouvel essai bientôt) : {error}</translation>
        </message>
        <message>
            <source>Saved: the {n} change(s) that were waiting are in the session</source>
            <translation>Enregistré : les {n} modification(s) en attente sont dans la session</translation>
        </message>
        <message>
            <source>Not saved (no session)</source>
            <translation>Non enregistré (pas de session)</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Enregistré</translation>
        </message>
        <message>
            <source>The saved review could not be read: {error}</source>
            <translation>La relecture enregistrée n’a pas pu être lue : {error}</translation>
        </message>
        <message>
            <source>The file changed</source>
            <translation>Le fichier a changé</translation>
        </message>
        <message>
            <source>{name} changed on disk since this session recorded it.</source>
            <translation>{name} a changé sur le disque depuis que cette session l’a enregistré.</translation>
        </message>
        <message>
            <source>Galley shows the session's version, with all your work. You can instead reload the file: decisions that still match their text are re-applied, the others and hand edits are dropped.</source>
            <translation>Galley affiche la version de la session, avec tout votre travail. Vous pouvez plutôt recharger le fichier : les décisions qui correspondent encore à leur texte sont réappliquées, les autres et les modifications manuelles sont abandonnées.</translation>
        </message>
        <message>
            <source>Keep the session's version</source>
            <translation>Garder la version de la session</translation>
        </message>
        <message>
            <source>Reload and re-apply</source>
            <translation>Recharger et réappliquer</translation>
        </message>
    </context>
    <context>
        <name>StatisticsDialog</name>
        <message>
            <source>Statistics</source>
            <translation>Statistiques</translation>
        </message>
        <message>
            <source>This article</source>
            <translation>Cet article</translation>
        </message>
        <message>
            <source>Whole session</source>
            <translation>Toute la session</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>&amp;Afficher :</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Catégorie</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Règle</translation>
        </message>
        <message>
            <source>By &amp;category</source>
            <translation>Par &amp;catégorie</translation>
        </message>
        <message>
            <source>By &amp;rule</source>
            <translation>Par &amp;règle</translation>
        </message>
        <message>
            <source>&amp;Export Report…</source>
            <translation>&amp;Exporter le rapport…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Alertes</translation>
        </message>
        <message>
            <source>Accepted %</source>
            <translation>% acceptées</translation>
        </message>
        <message>
            <source>Rejected %</source>
            <translation>% rejetées</translation>
        </message>
        <message>
            <source>{n} finding(s): accepted {a}, rejected {r} of those decided.</source>
            <translation>{n} alerte(s) : {a} acceptées, {r} rejetées parmi celles tranchées.</translation>
        </message>
        <message>
            <source>Articles: {done} done, {pending} not done.</source>
            <translation>Articles : {done} terminé(s), {pending} non terminé(s).</translation>
        </message>
        <message>
            <source>{n} not analysed yet (not counted).</source>
            <translation>{n} pas encore analysé(s) (non comptés).</translation>
        </message>
        <message>
            <source>Export Report</source>
            <translation>Exporter le rapport</translation>
        </message>
        <message>
            <source>HTML report (*.html);;CSV report (*.csv)</source>
            <translation>Rapport HTML (*.html);;Rapport CSV (*.csv)</translation>
        </message>
        <message>
            <source>The report could not be written: {error}</source>
            <translation>Le rapport n’a pas pu être écrit : {error}</translation>
        </message>
        <message>
            <source>Report written: {path}</source>
            <translation>Rapport écrit : {path}</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Loading… {n}</source>
            <translation>Chargement… {n}</translation>
        </message>
        <message>
            <source>Exporting %v/%m</source>
            <translation>Export %v/%m</translation>
        </message>
        <message>
            <source>Analysing… finishing</source>
            <translation>Analyse… fin en cours</translation>
        </message>
        <message>
            <source>Analysing… %p%</source>
            <translation>Analyse… %p%</translation>
        </message>
        <message>
            <source>Analysing… %p% · about {s} s left</source>
            <translation>Analyse… %p% · environ {s} s restantes</translation>
        </message>
        <message>
            <source>Language: {lang} · Typography: {profile}</source>
            <translation>Langue : {lang} · Typographie : {profile}</translation>
        </message>
        <message>
            <source>{p} pending · {a} accepted · {r} rejected</source>
            <translation>{p} en attente · {a} acceptés · {r} rejetés</translation>
        </message>
    </context>
    <context>
        <name>WordListsDialog</name>
        <message>
            <source>Glossary and Ignore List</source>
            <translation>Glossaire et liste d’exclusion</translation>
        </message>
        <message>
            <source>&amp;Glossary</source>
            <translation>&amp;Glossaire</translation>
        </message>
        <message>
            <source>&amp;Ignored in this session</source>
            <translation>&amp;Ignorés dans cette session</translation>
        </message>
        <message>
            <source>Always replace the left form by the right one, in every article. File: {path}</source>
            <translation>Toujours remplacer la forme de gauche par celle de droite, dans chaque article. Fichier : {path}</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Remplacer</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Ajouter</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Supprimer</translation>
        </message>
        <message>
            <source>Words ignored in every article of this session (Ctrl+I adds the current one).</source>
            <translation>Mots ignorés dans chaque article de cette session (Ctrl+I ajoute le mot courant).</translation>
        </message>
        <message>
            <source>A&amp;dd</source>
            <translation>A&amp;jouter</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Suppri&amp;mer</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Ouvrir…</translation>
        </message>
        <message>
            <source>Open files, folders or JSONL corpora</source>
            <translation>Ouvrir des fichiers, des dossiers ou des corpus JSONL</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>E&amp;xporter…</translation>
        </message>
        <message>
            <source>Export the corrected articles of the session</source>
            <translation>Exporter les articles corrigés de la session</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>Undo the last fix or hand edit</source>
            <translation>Annuler la dernière correction ou modification manuelle</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Rétablir</translation>
        </message>
        <message>
            <source>&amp;Find and Replace…</source>
            <translation>&amp;Rechercher et remplacer…</translation>
        </message>
        <message>
            <source>Find and Replace in A&amp;ll Articles…</source>
            <translation>Rechercher et remplacer dans &amp;tous les articles…</translation>
        </message>
        <message>
            <source>Regular expressions over every open article, with a preview of every match</source>
            <translation>Expressions régulières sur tous les articles ouverts, avec un aperçu de chaque occurrence</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Préférences…</translation>
        </message>
        <message>
            <source>&amp;Next Finding</source>
            <translation>Signalement &amp;suivant</translation>
        </message>
        <message>
            <source>Go to the next pending finding</source>
            <translation>Aller au signalement en attente suivant</translation>
        </message>
        <message>
            <source>&amp;Previous Finding</source>
            <translation>Signalement &amp;précédent</translation>
        </message>
        <message>
            <source>Go to the previous pending finding</source>
            <translation>Aller au signalement en attente précédent</translation>
        </message>
        <message>
            <source>&amp;Accept</source>
            <translation>&amp;Accepter</translation>
        </message>
        <message>
            <source>Accept the first suggestion</source>
            <translation>Accepter la première suggestion</translation>
        </message>
        <message>
            <source>&amp;Reject</source>
            <translation>Re&amp;jeter</translation>
        </message>
        <message>
            <source>Keep the text as it is</source>
            <translation>Garder le texte tel quel</translation>
        </message>
        <message>
            <source>Accept All of This &amp;Rule…</source>
            <translation>Tout accepter pour cette &amp;règle…</translation>
        </message>
        <message>
            <source>Accept every pending finding of the same rule, after a confirmation</source>
            <translation>Accepter tous les signalements en attente de la même règle, après confirmation</translation>
        </message>
        <message>
            <source>Accept in &amp;Bulk…</source>
            <translation>Accepter en &amp;bloc…</translation>
        </message>
        <message>
            <source>Accept every safe finding, or all of a category or rule, here or in every open article</source>
            <translation>Accepter toutes les alertes sûres, ou toutes celles d’une catégorie ou d’une règle, ici ou dans tous les articles ouverts</translation>
        </message>
        <message>
            <source>&amp;Ignore Word in Session</source>
            <translation>&amp;Ignorer le mot dans la session</translation>
        </message>
        <message>
            <source>Add to Personal &amp;Dictionary</source>
            <translation>Ajouter au &amp;dictionnaire personnel</translation>
        </message>
        <message>
            <source>&amp;Glossary and Ignore List…</source>
            <translation>&amp;Glossaire et liste d’exclusion…</translation>
        </message>
        <message>
            <source>Your glossary and this session's ignore list</source>
            <translation>Votre glossaire et la liste des mots ignorés de cette session</translation>
        </message>
        <message>
            <source>Re&amp;vert Automatic Fix</source>
            <translation>Annuler la correction &amp;automatique</translation>
        </message>
        <message>
            <source>Undo one automatic fix</source>
            <translation>Annuler une correction automatique</translation>
        </message>
        <message>
            <source>Mark &amp;Done and Open Next</source>
            <translation>Marquer &amp;terminé et ouvrir le suivant</translation>
        </message>
        <message>
            <source>&amp;Statistics…</source>
            <translation>&amp;Statistiques…</translation>
        </message>
        <message>
            <source>Findings per category, rule and decision, for the article and the session</source>
            <translation>Alertes par catégorie, règle et décision, pour l’article et la session</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>Raccourcis &amp;clavier</translation>
        </message>
        <message>
            <source>&amp;About Galley</source>
            <translation>À &amp;propos de Galley</translation>
        </message>
        <message>
            <source>Accept suggestion N</source>
            <translation>Accepter la suggestion N</translation>
        </message>
        <message>
            <source>Accept Suggestion {n}</source>
            <translation>Accepter la suggestion {n}</translation>
        </message>
    </context>
    <context>
        <name>ConfirmDone</name>
        <message>
            <source>Mark done</source>
            <translation>Marquer comme terminé</translation>
        </message>
        <message>
            <source>Mark done anyway</source>
            <translation>Marquer terminé quand même</translation>
        </message>
        <message>
            <source>Keep reviewing</source>
            <translation>Continuer la relecture</translation>
        </message>
        <message>
            <source>{n} finding(s) of this article are still pending.</source>
            <translation>{n} signalement(s) de cet article sont encore en attente.</translation>
        </message>
    </context>
    <context>
        <name>FindingsModel</name>
        <message>
            <source>pending</source>
            <translation>en attente</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>accepté</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rejeté</translation>
        </message>
        <message>
            <source>ignored</source>
            <translation>ignoré</translation>
        </message>
        <message>
            <source>fixed automatically</source>
            <translation>corrigé automatiquement</translation>
        </message>
        <message>
            <source>reverted</source>
            <translation>annulé</translation>
        </message>
        <message>
            <source>error</source>
            <translation>erreur</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>avertissement</translation>
        </message>
        <message>
            <source>info</source>
            <translation>info</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Catégorie</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Règle</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <source>Suggestion</source>
            <translation>Suggestion</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Gravité</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>(delete)</source>
            <translation>(supprimer)</translation>
        </message>
    </context>
</TS>
