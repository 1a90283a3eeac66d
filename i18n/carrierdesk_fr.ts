<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>About</name>
    <message>
        <source>Carrierdesk desktop</source>
        <translation>Poste de travail Carrierdesk</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>{version} at {url}</source>
        <translation>{version} à {url}</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>Révision du schéma</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>About Carrierdesk</source>
        <translation>À propos de Carrierdesk</translation>
    </message>
</context>
<context>
    <name>AccountAnisTab</name>
    <message>
        <source>Caller number, e.g. +1 305 555 0101</source>
        <translation>Numéro appelant, p. ex. +1 305 555 0101</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Unregister…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Caller number</source>
        <translation>Numéro appelant</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Fixed destination</source>
        <translation>Destination fixe</translation>
    </message>
    <message numerus="yes">
        <source>%n caller number(s)</source>
        <translation>
            <numerusform>%n numéro appelant</numerusform>
            <numerusform>%n numéros appelants</numerusform>
        </translation>
    </message>
    <message>
        <source>No caller numbers yet: type one above and press Register.</source>
        <translation>Aucun numéro appelant pour l&apos;instant : saisissez-en un ci-dessus et cliquez sur Enregistrer.</translation>
    </message>
    <message>
        <source>Registering the caller number…</source>
        <translation>Enregistrement du numéro appelant…</translation>
    </message>
    <message>
        <source>Unregister caller number {number}? Calls from it will no longer be recognised as this account.</source>
        <translation>Retirer le numéro appelant {number} ? Ses appels ne seront plus reconnus comme ceux de ce compte.</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Unregistering the caller number…</source>
        <translation>Retrait du numéro appelant…</translation>
    </message>
    <message>
        <source>Fixed destination (optional)</source>
        <translation>Destination fixe (facultative)</translation>
    </message>
    <message>
        <source>Fixed destination…</source>
        <translation>Destination fixe…</translation>
    </message>
</context>
<context>
    <name>AccountCalling</name>
    <message>
        <source>it is suspended</source>
        <translation>il est suspendu</translation>
    </message>
    <message>
        <source>it is closed</source>
        <translation>il est clôturé</translation>
    </message>
    <message>
        <source>it has expired</source>
        <translation>il a expiré</translation>
    </message>
    <message>
        <source>it has no tariff</source>
        <translation>il n’a pas de tarif</translation>
    </message>
    <message>
        <source>its tariff {tariff} is in another currency</source>
        <translation>son tarif {tariff} est dans une autre devise</translation>
    </message>
    <message>
        <source>its tariff {tariff} has no rate in force</source>
        <translation>son tarif {tariff} n’a aucun prix en vigueur</translation>
    </message>
    <message>
        <source>it has no dial plan</source>
        <translation>il n’a pas de plan de numérotation</translation>
    </message>
    <message>
        <source>its dial plan {plan} has no route</source>
        <translation>son plan de numérotation {plan} n’a aucune route</translation>
    </message>
    <message>
        <source>it has no money left to call with</source>
        <translation>il n’a plus d’argent pour appeler</translation>
    </message>
    <message>
        <source>no caller number (ANI), DID or trunk leads a call to it</source>
        <translation>aucun numéro appelant (ANI), SDA ni trunk ne lui amène d’appel</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
</context>
<context>
    <name>AccountCallingSummary</name>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de numérotation</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({currency}, %n rate(s) in force)</source>
        <translation>
            <numerusform>{name} ({currency}, %n prix en vigueur)</numerusform>
            <numerusform>{name} ({currency}, %n prix en vigueur)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n route(s))</source>
        <translation>
            <numerusform>{name} (%n route)</numerusform>
            <numerusform>{name} (%n routes)</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} of {most}</source>
        <translation>{count} sur {most}</translation>
    </message>
    <message>
        <source>calls at once: {calls}; per second: {cps}; caller numbers: {anis}</source>
        <translation>appels simultanés : {calls} ; par seconde : {cps} ; numéros appelants : {anis}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>It can call: {available} available.</source>
        <translation>Il peut appeler : {available} disponibles.</translation>
    </message>
    <message>
        <source>The balance is below its warning level.</source>
        <translation>Le solde est sous son seuil d’alerte.</translation>
    </message>
    <message>
        <source>Why can&apos;t this account call? Because {reasons}.</source>
        <translation>Pourquoi ce compte ne peut-il pas appeler ? Parce que {reasons}.</translation>
    </message>
</context>
<context>
    <name>AccountCallsTab</name>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>Nom de la destination</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation>Tarif/min</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Every call of this account as a CSV file, as the service exports it</source>
        <translation>Tous les appels de ce compte dans un fichier CSV, tels que le service les exporte</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n appel</numerusform>
            <numerusform>%n appels</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls from this account yet.</source>
        <translation>Ce compte n&apos;a encore passé aucun appel.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Exporter les appels</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) saved to {path}</source>
        <translation>
            <numerusform>%n appel enregistré dans {path}</numerusform>
            <numerusform>%n appels enregistrés dans {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation>Exportation des appels…</translation>
    </message>
</context>
<context>
    <name>AccountDetailsPage</name>
    <message>
        <source>← Accounts</source>
        <translation>← Comptes</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Recharge / payment…</source>
        <translation>Recharge / paiement…</translation>
    </message>
    <message>
        <source>Account {id}</source>
        <translation>Compte {id}</translation>
    </message>
    <message>
        <source>Caller numbers (ANIs)</source>
        <translation>Numéros appelants (ANI)</translation>
    </message>
    <message>
        <source>Speed dials</source>
        <translation>Numéros abrégés</translation>
    </message>
    <message>
        <source>DIDs</source>
        <translation>SDA</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Forfaits</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Relevés</translation>
    </message>
    <message>
        <source>Could not load the account: {message}</source>
        <translation>Impossible de charger le compte : {message}</translation>
    </message>
    <message>
        <source>Receipt {receipt}: {kind} of {amount}. New balance: {balance}.</source>
        <translation>Reçu {receipt} : {kind} de {amount}. Nouveau solde : {balance}.</translation>
    </message>
    <message>
        <source>{number} — {name}</source>
        <translation>{number} — {name}</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de numérotation</translation>
    </message>
    <message>
        <source>Tax profile</source>
        <translation>Profil fiscal</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>{text} is not a date; write it like 2027-01-31 or 2027-01-31 18:00</source>
        <translation>{text} n’est pas une date ; écrivez-la comme 2027-01-31 ou 2027-01-31 18:00</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>Account {number}</source>
        <translation>Compte {number}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Suspended: no new calls and no payments, calls in progress go on. Closed: no new calls, calls in progress are hung up, only refunds.</source>
        <translation>Suspendu : ni nouveaux appels ni paiements, les appels en cours continuent. Clôturé : plus de nouveaux appels, les appels en cours sont raccrochés, seulement des remboursements.</translation>
    </message>
    <message>
        <source>company currency</source>
        <translation>devise de l’entreprise</translation>
    </message>
    <message>
        <source>No tariff: its calls are refused</source>
        <translation>Aucun tarif : ses appels sont refusés</translation>
    </message>
    <message>
        <source>No dial plan: its calls are refused</source>
        <translation>Aucun plan de numérotation : ses appels sont refusés</translation>
    </message>
    <message>
        <source>No taxes</source>
        <translation>Aucune taxe</translation>
    </message>
    <message>
        <source>no warning</source>
        <translation>pas d’alerte</translation>
    </message>
    <message>
        <source>its caller numbers and destinations</source>
        <translation>ses numéros d&apos;appel et destinations</translation>
    </message>
    <message>
        <source>company time zone</source>
        <translation>fuseau horaire de l’entreprise</translation>
    </message>
    <message>
        <source>never (or 2027-01-31, in UTC)</source>
        <translation>jamais (ou 2027-01-31, en UTC)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Credit limit (postpaid)</source>
        <translation>Limite de crédit (postpayé)</translation>
    </message>
    <message>
        <source>Overdraft (prepaid)</source>
        <translation>Découvert (prépayé)</translation>
    </message>
    <message>
        <source>Warn below</source>
        <translation>Alerter en dessous de</translation>
    </message>
    <message>
        <source>Calls at once</source>
        <translation>Appels simultanés</translation>
    </message>
    <message>
        <source>New calls per second</source>
        <translation>Nouveaux appels par seconde</translation>
    </message>
    <message>
        <source>Caller numbers (ANIs)</source>
        <translation>Numéros appelants (ANI)</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>Expire (UTC)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Création du compte…</translation>
    </message>
    <message>
        <source>Saving the account…</source>
        <translation>Enregistrement du compte…</translation>
    </message>
</context>
<context>
    <name>AccountDidsTab</name>
    <message>
        <source>Read only here: administrators add DIDs, change them and assign them to accounts on the DIDs page.</source>
        <translation>En lecture seule ici : les administrateurs ajoutent, modifient et attribuent les SDA aux comptes sur la page SDA.</translation>
    </message>
    <message>
        <source>Open the DIDs page</source>
        <translation>Ouvrir la page SDA</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Forwarded to</source>
        <translation>Renvoyé vers</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>Abonnement mensuel</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s)</source>
        <translation>
            <numerusform>%n SDA</numerusform>
            <numerusform>%n SDA</numerusform>
        </translation>
    </message>
    <message>
        <source>No DIDs are assigned to this account.</source>
        <translation>Aucune SDA n&apos;est attribuée à ce compte.</translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Plafond de crédit</translation>
    </message>
    <message>
        <source>Overdraft</source>
        <translation>Découvert</translation>
    </message>
</context>
<context>
    <name>AccountHistory</name>
    <message>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Récupéré</translation>
    </message>
</context>
<context>
    <name>AccountNotesTab</name>
    <message>
        <source>A note for the other support reps…</source>
        <translation>Une note pour les autres agents du support…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <source>(removed user)</source>
        <translation>(utilisateur supprimé)</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Écrite le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s), newest first</source>
        <translation>
            <numerusform>%n note, la plus récente en premier</numerusform>
            <numerusform>%n notes, les plus récentes en premier</numerusform>
        </translation>
    </message>
    <message>
        <source>No notes yet: write one above and press Add note.</source>
        <translation>Aucune note pour l&apos;instant : écrivez-en une ci-dessus et cliquez sur Ajouter la note.</translation>
    </message>
    <message>
        <source>Adding the note…</source>
        <translation>Ajout de la note…</translation>
    </message>
</context>
<context>
    <name>AccountPackagesTab</name>
    <message>
        <source>Package</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <source>{name} ({period}, {fee})</source>
        <translation>{name} ({period}, {fee})</translation>
    </message>
    <message>
        <source>Choose a package to assign</source>
        <translation>Choisissez un forfait à attribuer</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Opens the package for the current period and charges its fee now</source>
        <translation>Ouvre le forfait pour la période en cours et facture son prix maintenant</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratuit</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Restant</translation>
    </message>
    <message numerus="yes">
        <source>%n package period(s)</source>
        <translation>
            <numerusform>%n période de forfait</numerusform>
            <numerusform>%n périodes de forfait</numerusform>
        </translation>
    </message>
    <message>
        <source>No packages: choose one above and press Assign (its fee is charged for the current period).</source>
        <translation>Aucun forfait : choisissez-en un ci-dessus et appuyez sur Attribuer (son prix est facturé pour la période en cours).</translation>
    </message>
    <message>
        <source>Choose the package to assign first.</source>
        <translation>Choisissez d’abord le forfait à attribuer.</translation>
    </message>
    <message>
        <source>Assigning the package…</source>
        <translation>Attribution du forfait…</translation>
    </message>
    <message>
        <source>Remove {package} for the period from {start}? It stops renewing; the fee paid stays paid.</source>
        <translation>Retirer {package} pour la période du {start} ? Il n’est plus renouvelé ; le prix payé reste acquis.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Removing the package…</source>
        <translation>Retrait du forfait…</translation>
    </message>
</context>
<context>
    <name>AccountPaymentsTab</name>
    <message>
        <source>Entered</source>
        <translation>Saisi le</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n paiement</numerusform>
            <numerusform>%n paiements</numerusform>
        </translation>
    </message>
    <message>
        <source>No payments yet: Recharge / payment… above enters one.</source>
        <translation>Aucun paiement pour l&apos;instant : Recharge / paiement… (ci-dessus) en enregistre un.</translation>
    </message>
</context>
<context>
    <name>AccountRefs</name>
    <message>
        <source>No account you may see has the number {number}</source>
        <translation>Aucun compte visible pour vous n&apos;a le numéro {number}</translation>
    </message>
</context>
<context>
    <name>AccountSpeedDialsTab</name>
    <message>
        <source>Slot </source>
        <translation>Touche </translation>
    </message>
    <message>
        <source>Number, e.g. +44 20 7946 0958</source>
        <translation>Numéro, p. ex. +44 20 7946 0958</translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation>Libellé (facultatif)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message numerus="yes">
        <source>%n speed dial(s)</source>
        <translation>
            <numerusform>%n numéro abrégé</numerusform>
            <numerusform>%n numéros abrégés</numerusform>
        </translation>
    </message>
    <message>
        <source>No speed dials yet: choose a slot, type the number above and press Add.</source>
        <translation>Aucun numéro abrégé pour l&apos;instant : choisissez une touche, saisissez le numéro ci-dessus et cliquez sur Ajouter.</translation>
    </message>
    <message>
        <source>Adding the speed dial…</source>
        <translation>Ajout du numéro abrégé…</translation>
    </message>
    <message>
        <source>Delete speed dial {slot} ({number})?</source>
        <translation>Supprimer le numéro abrégé {slot} ({number}) ?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting the speed dial…</source>
        <translation>Suppression du numéro abrégé…</translation>
    </message>
</context>
<context>
    <name>AccountStatementsTab</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) issued</source>
        <translation>
            <numerusform>%n document émis</numerusform>
            <numerusform>%n documents émis</numerusform>
        </translation>
    </message>
    <message>
        <source>No statement issued yet: choose a month above and Open or Save… it. An ended month is numbered and kept the first time; the current one is provisional.</source>
        <translation>Aucun relevé émis : choisissez un mois ci-dessus, puis Ouvrir ou Enregistrer…. Un mois terminé est numéroté et conservé la première fois ; le mois en cours est provisoire.</translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
    <message>
        <source>{shown} shown; scroll down for more</source>
        <translation>{shown} affichés ; faites défiler pour en voir plus</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Prepaid</source>
        <translation>Prépayé</translation>
    </message>
    <message>
        <source>Postpaid</source>
        <translation>Postpayé</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Customers (no cards)</source>
        <translation>Clients (sans cartes)</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Search number or name</source>
        <translation>Rechercher par numéro ou nom</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>Nouveau compte…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Card accounts come by the thousand with a card batch: they are listed only when you ask for them</source>
        <translation>Les comptes de cartes arrivent par milliers avec un lot : ils ne sont listés que sur demande</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Any reseller</source>
        <translation>Tout revendeur</translation>
    </message>
    <message>
        <source>Balance below…</source>
        <translation>Solde inférieur à…</translation>
    </message>
    <message>
        <source>Only the accounts whose balance is below this amount (0: below zero)</source>
        <translation>Seulement les comptes dont le solde est inférieur à ce montant (0 : négatif)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Could not load accounts: {message}</source>
        <translation>Impossible de charger les comptes&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n compte</numerusform>
            <numerusform>%n comptes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n compte affiché&#xa0;; faites défiler vers le bas pour en voir plus</numerusform>
            <numerusform>%n comptes affichés&#xa0;; faites défiler vers le bas pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Defaults for new accounts…</source>
        <translation>Valeurs par défaut des nouveaux comptes…</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Your company and its administrator</source>
        <translation>Votre entreprise et son administrateur</translation>
    </message>
    <message>
        <source>The administrator may do everything, including adding the other users.</source>
        <translation>L’administrateur peut tout faire, y compris ajouter les autres utilisateurs.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation>Au moins {count} caractères.</translation>
    </message>
    <message>
        <source>ISO 4217 code of the money you bill in: USD, EUR, GBP, …</source>
        <translation>Code ISO 4217 de la monnaie de facturation : USD, EUR, GBP, …</translation>
    </message>
    <message>
        <source>Reports, daily caps and peak hours follow this time zone</source>
        <translation>Les rapports, les plafonds quotidiens et les heures pleines suivent ce fuseau horaire</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Mot de passe (confirmation)</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>a user name</source>
        <translation>un nom d’utilisateur</translation>
    </message>
    <message>
        <source>a password of at least {count} characters</source>
        <translation>un mot de passe d’au moins {count} caractères</translation>
    </message>
    <message>
        <source>the same password typed again</source>
        <translation>le même mot de passe saisi à nouveau</translation>
    </message>
    <message>
        <source>the company name</source>
        <translation>le nom de l’entreprise</translation>
    </message>
    <message>
        <source>a currency code of three letters</source>
        <translation>un code de devise de trois lettres</translation>
    </message>
    <message>
        <source>a time zone from the list</source>
        <translation>un fuseau horaire de la liste</translation>
    </message>
    <message>
        <source>Create needs {items}.</source>
        <translation>Pour créer, il faut {items}.</translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation>Création de l’administrateur…</translation>
    </message>
</context>
<context>
    <name>AgentPinDialog</name>
    <message>
        <source>Agent PIN of {name}</source>
        <translation>Code PIN d&apos;agent de {name}</translation>
    </message>
    <message>
        <source>The store&apos;s clerk calls the access number, presses * at the PIN prompt and keys this PIN to recharge the store&apos;s PIN-less customers from its balance. A new PIN replaces the old one at once and is shown only here, once.</source>
        <translation>Le vendeur du magasin appelle le numéro d&apos;accès, appuie sur * à la demande du code PIN et compose ce code pour recharger, sur le solde du magasin, ses clients sans code PIN. Un nouveau code remplace l&apos;ancien aussitôt et n&apos;est montré qu&apos;ici, une seule fois.</translation>
    </message>
    <message>
        <source>Issued {when}.</source>
        <translation>Émis le {when}.</translation>
    </message>
    <message>
        <source>It has no agent PIN.</source>
        <translation>Il n&apos;a pas de code PIN d&apos;agent.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Drawing a new PIN…</source>
        <translation>Tirage d&apos;un nouveau code PIN…</translation>
    </message>
    <message>
        <source>Write it down now: it is not shown again. Issued {when}.</source>
        <translation>Notez-le maintenant : il ne sera plus montré. Émis le {when}.</translation>
    </message>
    <message>
        <source>Revoking the PIN…</source>
        <translation>Révocation du code PIN…</translation>
    </message>
    <message>
        <source>Agent PIN revoked: it opens nothing now.</source>
        <translation>Code PIN d&apos;agent révoqué : il n&apos;ouvre plus rien.</translation>
    </message>
</context>
<context>
    <name>AniDestinationDialog</name>
    <message>
        <source>Fixed destination of {number}</source>
        <translation>Destination fixe de {number}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>none: the caller is asked (IVR)</source>
        <translation>aucune : on demande à l’appelant (SVI)</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Saving the destination…</source>
        <translation>Enregistrement de la destination…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
</context>
<context>
    <name>BandScheduleDialog</name>
    <message>
        <source>New band schedule</source>
        <translation>Nouveau calendrier de plages</translation>
    </message>
    <message>
        <source>Band schedule {name}</source>
        <translation>Calendrier de plages {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>00:00 is midnight at the end of the day</source>
        <translation>00:00 est minuit à la fin de la journée</translation>
    </message>
    <message>
        <source>dates like 2026-12-25, separated by spaces or new lines</source>
        <translation>des dates comme 2026-12-25, séparées par des espaces ou des retours à la ligne</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Peak days</source>
        <translation>Jours de pointe</translation>
    </message>
    <message>
        <source>Peak from</source>
        <translation>Pointe de</translation>
    </message>
    <message>
        <source>Peak until</source>
        <translation>Pointe jusqu’à</translation>
    </message>
    <message>
        <source>Weekend days</source>
        <translation>Jours de week-end</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <source>Adding the band schedule…</source>
        <translation>Ajout du calendrier de plages…</translation>
    </message>
    <message>
        <source>Saving the band schedule…</source>
        <translation>Enregistrement du calendrier de plages…</translation>
    </message>
</context>
<context>
    <name>BandSchedules</name>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Ven</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sam</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Band schedule</source>
        <translation>Calendrier de plages</translation>
    </message>
    <message>
        <source>Peak days</source>
        <translation>Jours de pointe</translation>
    </message>
    <message>
        <source>Peak hours</source>
        <translation>Heures de pointe</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Week-end</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <source>{text} is not a time of day; write it like 08:00</source>
        <translation>{text} n’est pas une heure ; écrivez-la comme 08:00</translation>
    </message>
    <message>
        <source>{text} is not a date; write dates like 2026-12-25</source>
        <translation>{text} n’est pas une date ; écrivez les dates comme 2026-12-25</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>Valeur faciale</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributeur</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendeur</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Créé (UTC)</translation>
    </message>
</context>
<context>
    <name>BatchesTab</name>
    <message>
        <source>Batch name contains…</source>
        <translation>Le nom du lot contient…</translation>
    </message>
    <message>
        <source>Generate batch…</source>
        <translation>Générer un lot…</translation>
    </message>
    <message>
        <source>Export for printing…</source>
        <translation>Exporter pour l&apos;impression…</translation>
    </message>
    <message>
        <source>The batch is made.</source>
        <translation>Le lot est créé.</translation>
    </message>
    <message>
        <source>Saved to {path}. It holds live PINs: delete it once the cards are printed.</source>
        <translation>Enregistré dans {path}. Il contient des PIN valides : supprimez-le une fois les cartes imprimées.</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n lot</numerusform>
            <numerusform>%n lots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) shown; scroll down for more</source>
        <translation>
            <numerusform>%n lot affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n lots affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No batch name contains “{text}”.</source>
        <translation>Aucun nom de lot ne contient « {text} ».</translation>
    </message>
    <message>
        <source>No card batches yet: make one with “Generate batch…”.</source>
        <translation>Pas encore de lot de cartes : créez-en un avec « Générer un lot… ».</translation>
    </message>
    <message>
        <source>No card batches yet.</source>
        <translation>Pas encore de lot de cartes.</translation>
    </message>
</context>
<context>
    <name>BlendDialog</name>
    <message>
        <source>Blend {tariff} from carriers</source>
        <translation>Composer {tariff} à partir des opérateurs</translation>
    </message>
    <message>
        <source>Blend</source>
        <translation>Composer</translation>
    </message>
    <message>
        <source>Tick the carriers whose buy decks make the cost (Space ticks)</source>
        <translation>Cochez les opérateurs dont les grilles d’achat font le coût (Espace coche)</translation>
    </message>
    <message>
        <source>percent over cost</source>
        <translation>pourcentage sur le coût</translation>
    </message>
    <message>
        <source>amount per minute</source>
        <translation>montant par minute</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Prices are rounded up to a multiple of this</source>
        <translation>Les prix sont arrondis au multiple supérieur de cette valeur</translation>
    </message>
    <message>
        <source>The cost is the average of this many cheapest carriers</source>
        <translation>Le coût est la moyenne de ce nombre d’opérateurs les moins chers</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>At least (per minute)</source>
        <translation>Au moins (par minute)</translation>
    </message>
    <message>
        <source>Round up to</source>
        <translation>Arrondir au-dessus à</translation>
    </message>
    <message>
        <source>Average of the cheapest</source>
        <translation>Moyenne des moins chers</translation>
    </message>
    <message>
        <source>Every rate of the tariff is replaced by the blended prices.</source>
        <translation>Chaque tarif du barème est remplacé par les prix composés.</translation>
    </message>
    <message>
        <source>{name} (no buy deck)</source>
        <translation>{name} (sans grille d’achat)</translation>
    </message>
    <message>
        <source>{name} (switched off: skipped)</source>
        <translation>{name} (désactivé : ignoré)</translation>
    </message>
    <message>
        <source>Starting the blend…</source>
        <translation>Lancement de la composition…</translation>
    </message>
</context>
<context>
    <name>CardDialogs</name>
    <message>
        <source>company currency</source>
        <translation>devise de l&apos;entreprise</translation>
    </message>
    <message>
        <source>None: the operator sells them</source>
        <translation>Aucun : l&apos;opérateur les vend</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>New (never used)</source>
        <translation>Neuve (jamais utilisée)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>Épuisée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloquée</translation>
    </message>
    <message>
        <source>1 day after first use</source>
        <translation>1 jour après la première utilisation</translation>
    </message>
    <message>
        <source>{days} days after first use</source>
        <translation>{days} jours après la première utilisation</translation>
    </message>
    <message>
        <source>{date} or {after_use}</source>
        <translation>{date} ou {after_use}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Batches</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Look up a card</source>
        <translation>Chercher une carte</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Bons</translation>
    </message>
</context>
<context>
    <name>CarrierDialog</name>
    <message>
        <source>New carrier</source>
        <translation>Nouvel opérateur</translation>
    </message>
    <message>
        <source>Carrier {name}</source>
        <translation>Opérateur {name}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Carries calls</source>
        <translation>Achemine des appels</translation>
    </message>
    <message>
        <source>No buy tariff</source>
        <translation>Aucun tarif d&apos;achat</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>sans plafond</translation>
    </message>
    <message>
        <source>e.g. 488, 403 (408 and 5xx always do)</source>
        <translation>p. ex. 488, 403 (408 et 5xx toujours)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation>Tarif d&apos;achat</translation>
    </message>
    <message>
        <source>Channels (0 = unlimited)</source>
        <translation>Canaux (0 = illimité)</translation>
    </message>
    <message>
        <source>Calls per second (0 = unlimited)</source>
        <translation>Appels par seconde (0 = illimité)</translation>
    </message>
    <message>
        <source>Daily minutes cap</source>
        <translation>Plafond journalier de minutes</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>Format du numéro</translation>
    </message>
    <message>
        <source>Strip digits</source>
        <translation>Chiffres à retirer</translation>
    </message>
    <message>
        <source>Tech prefix</source>
        <translation>Préfixe technique</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>Codecs</translation>
    </message>
    <message>
        <source>Fail over also on</source>
        <translation>Basculer aussi sur</translation>
    </message>
    <message>
        <source>Monthly minutes cap</source>
        <translation>Plafond mensuel de minutes</translation>
    </message>
    <message>
        <source>Add gateway</source>
        <translation>Ajouter une passerelle</translation>
    </message>
    <message>
        <source>Remove gateway</source>
        <translation>Retirer la passerelle</translation>
    </message>
    <message>
        <source>Gateways (the heavier weight is tried first)</source>
        <translation>Passerelles (la plus lourde est essayée en premier)</translation>
    </message>
    <message>
        <source>Saving the carrier…</source>
        <translation>Enregistrement de l&apos;opérateur…</translation>
    </message>
</context>
<context>
    <name>CarrierPage</name>
    <message>
        <source>Your first carrier</source>
        <translation>Votre premier opérateur</translation>
    </message>
    <message>
        <source>The carrier your calls go out through, and the address of its gateway. Leave the fields empty to skip: carriers can be added later on the Carriers page.</source>
        <translation>L’opérateur par lequel sortent vos appels et l’adresse de sa passerelle. Laissez les champs vides pour passer cette étape : vous pourrez ajouter des opérateurs plus tard dans la page Opérateurs.</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>nom d’hôte ou adresse IP</translation>
    </message>
    <message>
        <source>Carrier name</source>
        <translation>Nom de l’opérateur</translation>
    </message>
    <message>
        <source>Gateway host</source>
        <translation>Hôte de la passerelle</translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation>Port de la passerelle</translation>
    </message>
    <message>
        <source>Adding the carrier…</source>
        <translation>Ajout de l’opérateur…</translation>
    </message>
</context>
<context>
    <name>CarriersPage</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>(every number)</source>
        <translation>(tous les numéros)</translation>
    </message>
    <message>
        <source>{name} (pinned)</source>
        <translation>{name} (épinglé)</translation>
    </message>
    <message>
        <source>{name} (excluded)</source>
        <translation>{name} (exclu)</translation>
    </message>
    <message>
        <source>(every carrier)</source>
        <translation>(tous les opérateurs)</translation>
    </message>
    <message>
        <source>excluded for this prefix</source>
        <translation>exclu pour ce préfixe</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>no buy rate for the number</source>
        <translation>pas de prix d&apos;achat pour ce numéro</translation>
    </message>
    <message>
        <source>would route at a loss</source>
        <translation>acheminerait à perte</translation>
    </message>
    <message>
        <source>over its minutes cap</source>
        <translation>au-delà de son plafond de minutes</translation>
    </message>
    <message>
        <source>at its channel or CPS limit</source>
        <translation>à sa limite de canaux ou d&apos;appels par seconde</translation>
    </message>
    <message>
        <source>no common codec</source>
        <translation>aucun codec commun</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>acheminé</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>no route for the number</source>
        <translation>aucune route pour ce numéro</translation>
    </message>
    <message>
        <source>no carrier can take it</source>
        <translation>aucun opérateur ne peut l&apos;acheminer</translation>
    </message>
    <message>
        <source>{gateway}: switched off</source>
        <translation>{gateway} : désactivée</translation>
    </message>
    <message>
        <source>{gateway}: not checked yet</source>
        <translation>{gateway} : pas encore vérifiée</translation>
    </message>
    <message>
        <source>{gateway}: up since {since}</source>
        <translation>{gateway} : active depuis {since}</translation>
    </message>
    <message>
        <source>{gateway}: down since {since} (no answer to the switch&apos;s OPTIONS)</source>
        <translation>{gateway} : en panne depuis {since} (pas de réponse aux OPTIONS du commutateur)</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Up since {since}</source>
        <translation>Actif depuis {since}</translation>
    </message>
    <message>
        <source> ({down} of {all} gateways down)</source>
        <translation> ({down} passerelles sur {all} en panne)</translation>
    </message>
    <message>
        <source>Down since {since}</source>
        <translation>En panne depuis {since}</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Pas encore vérifié</translation>
    </message>
    <message>
        <source>No gateway</source>
        <translation>Aucune passerelle</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>CPS</source>
        <translation>Appels/s</translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation>Tarif d&apos;achat</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Passerelles</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de numérotation</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloquée</translation>
    </message>
    <message>
        <source>Carriers, as listed</source>
        <translation>Opérateurs, dans l&apos;ordre</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <source>Dial plans and routes</source>
        <translation>Plans de numérotation et routes</translation>
    </message>
    <message>
        <source>Explain route</source>
        <translation>Expliquer la route</translation>
    </message>
    <message>
        <source>RADIUS clients</source>
        <translation>Clients RADIUS</translation>
    </message>
</context>
<context>
    <name>CarriersTab</name>
    <message>
        <source>Carrier name contains…</source>
        <translation>Le nom de l&apos;opérateur contient…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New carrier…</source>
        <translation>Nouvel opérateur…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Carrier {name} saved.</source>
        <translation>Opérateur {name} enregistré.</translation>
    </message>
    <message>
        <source>Saving the carrier…</source>
        <translation>Enregistrement de l&apos;opérateur…</translation>
    </message>
    <message>
        <source>{name} carries calls again.</source>
        <translation>{name} achemine de nouveau des appels.</translation>
    </message>
    <message>
        <source>{name} is switched off: routing skips it from now on.</source>
        <translation>{name} est désactivé : le routage l&apos;ignore désormais.</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Activer</translation>
    </message>
    <message numerus="yes">
        <source>%n carrier(s)</source>
        <translation>
            <numerusform>%n opérateur</numerusform>
            <numerusform>%n opérateurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carrier(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n opérateur affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n opérateurs affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No carrier name contains this text.</source>
        <translation>Aucun nom d&apos;opérateur ne contient ce texte.</translation>
    </message>
    <message>
        <source>No carriers yet: add the carriers you buy minutes from with “New carrier…”.</source>
        <translation>Aucun opérateur pour l&apos;instant : ajoutez ceux à qui vous achetez des minutes avec « Nouvel opérateur… ».</translation>
    </message>
</context>
<context>
    <name>CdrSearchTab</name>
    <message>
        <source>Account number</source>
        <translation>Numéro de compte</translation>
    </message>
    <message>
        <source>Destination starts with</source>
        <translation>Destination commençant par</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Tout résultat</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s)</source>
        <translation>
            <numerusform>%n enregistrement d’appel</numerusform>
            <numerusform>%n enregistrements d’appels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s) so far; scroll for more</source>
        <translation>
            <numerusform>%n enregistrement d’appel pour l’instant ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n enregistrements d’appels pour l’instant ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No call records match: widen the time range or clear a filter.</source>
        <translation>Aucun enregistrement d’appel ne correspond : élargissez la période ou retirez un filtre.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>Nom de la destination</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturé</translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation>Tarif/min</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Any carrier</source>
        <translation>Tout opérateur</translation>
    </message>
    <message>
        <source>Export call records</source>
        <translation>Exporter les enregistrements d’appels</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s) exported to {path}</source>
        <translation>
            <numerusform>%n enregistrement d’appel exporté vers {path}</numerusform>
            <numerusform>%n enregistrements d’appels exportés vers {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {message}</source>
        <translation>L’export a échoué : {message}</translation>
    </message>
    <message>
        <source>Exporting call records…</source>
        <translation>Export des enregistrements d’appels…</translation>
    </message>
</context>
<context>
    <name>CommissionRuleDialog</name>
    <message>
        <source>Commission rule of {name}</source>
        <translation>Règle de commission de {name}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>digits; empty = every number</source>
        <translation>chiffres ; vide = tous les numéros</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Amount per minute</source>
        <translation>Montant par minute</translation>
    </message>
    <message>
        <source>Saving the commission rule…</source>
        <translation>Enregistrement de la règle de commission…</translation>
    </message>
</context>
<context>
    <name>CommissionRules</name>
    <message>
        <source>Add rule…</source>
        <translation>Ajouter une règle…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Commission rule saved.</source>
        <translation>Règle de commission enregistrée.</translation>
    </message>
    <message>
        <source>Delete commission rule</source>
        <translation>Supprimer la règle de commission</translation>
    </message>
    <message>
        <source>Delete this commission rule ({basis})?</source>
        <translation>Supprimer cette règle de commission ({basis}) ?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting the commission rule…</source>
        <translation>Suppression de la règle de commission…</translation>
    </message>
    <message>
        <source>Commission rule deleted.</source>
        <translation>Règle de commission supprimée.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n règle</numerusform>
            <numerusform>%n règles</numerusform>
        </translation>
    </message>
    <message>
        <source>No commission rules: this reseller earns no commission. Add one with “Add rule…”.</source>
        <translation>Aucune règle de commission : ce revendeur ne touche aucune commission. Ajoutez-en une avec « Ajouter une règle… ».</translation>
    </message>
</context>
<context>
    <name>CompanyDefaultsDialog</name>
    <message>
        <source>Defaults for new accounts</source>
        <translation>Valeurs par défaut des nouveaux comptes</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>None: new accounts get no tariff</source>
        <translation>Aucun : les nouveaux comptes n’ont pas de tarif</translation>
    </message>
    <message>
        <source>None: new accounts get no dial plan</source>
        <translation>Aucun : les nouveaux comptes n’ont pas de plan de numérotation</translation>
    </message>
    <message>
        <source>Tariff (in the company currency)</source>
        <translation>Tarif (dans la devise de l’entreprise)</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de numérotation</translation>
    </message>
    <message>
        <source>The current defaults are still loading; try again in a moment.</source>
        <translation>Les valeurs actuelles sont encore en cours de chargement ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Saving the defaults…</source>
        <translation>Enregistrement des valeurs par défaut…</translation>
    </message>
</context>
<context>
    <name>CompanySection</name>
    <message>
        <source>Save company settings</source>
        <translation>Enregistrer les données de l’entreprise</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Rien n’a changé.</translation>
    </message>
    <message>
        <source>Saving the company settings…</source>
        <translation>Enregistrement des données de l’entreprise…</translation>
    </message>
    <message>
        <source>Saved: {name}, {currency}, {zone}.</source>
        <translation>Enregistré : {name}, {currency}, {zone}.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Service status</source>
        <translation>État du service</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Connecté en tant que</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Place test call…</source>
        <translation>Passer un appel de test…</translation>
    </message>
    <message>
        <source>A real call through the switch, billed to an account: it shows on Live calls and here, and its record in Reports</source>
        <translation>Un vrai appel à travers le commutateur, facturé à un compte : il apparaît dans Appels en cours et ici, et son relevé dans Rapports</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Commutateur</translation>
    </message>
    <message>
        <source>Concurrent calls</source>
        <translation>Appels simultanés</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>appels</translation>
    </message>
    <message>
        <source>Calls per second</source>
        <translation>Appels par seconde</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>appels/s</translation>
    </message>
    <message>
        <source>ASR per carrier, last hour</source>
        <translation>ASR par opérateur, dernière heure</translation>
    </message>
    <message>
        <source>ASR %</source>
        <translation>ASR %</translation>
    </message>
    <message>
        <source>{calls} calls in progress, {cps:.1f} calls/s</source>
        <translation>{calls} appels en cours, {cps:.1f} appels/s</translation>
    </message>
    <message>
        <source>This service runs no SIP switch: no calls to show.</source>
        <translation>Ce service n’exécute aucun commutateur SIP : aucun appel à afficher.</translation>
    </message>
    <message>
        <source>IVR: {callers} callers, {failures} wrong PINs, {lockouts} refused while locked out</source>
        <translation>SVI : {callers} appelants, {failures} PIN erronés, {lockouts} refusés pour blocage</translation>
    </message>
    <message>
        <source>{carrier} (no calls)</source>
        <translation>{carrier} (aucun appel)</translation>
    </message>
    <message>
        <source>{carrier} ({calls} calls)</source>
        <translation>{carrier} ({calls} appels)</translation>
    </message>
    <message>
        <source>No calls yet today. Admins can place a test call to see one go through.</source>
        <translation>Aucun appel aujourd&apos;hui. Les administrateurs peuvent passer un appel de test pour en voir un passer.</translation>
    </message>
    <message>
        <source>Test call answered: it is on Live calls now and hangs up after {seconds}; its record then shows in Reports.</source>
        <translation>Appel de test décroché : il est maintenant dans Appels en cours et raccroche après {seconds} ; son relevé apparaît ensuite dans Rapports.</translation>
    </message>
    <message>
        <source>The switch did not connect the test call: {reason}</source>
        <translation>Le commutateur n&apos;a pas connecté l&apos;appel de test : {reason}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>The service answers.</source>
        <translation>Le service répond.</translation>
    </message>
    <message>
        <source>Kept in a file readable only by the service&apos;s user: this machine has no system keyring.</source>
        <translation>Conservés dans un fichier lisible uniquement par l’utilisateur du service&#xa0;: cette machine n’a pas de trousseau système.</translation>
    </message>
    <message>
        <source>Kept in the system keyring.</source>
        <translation>Conservés dans le trousseau du système.</translation>
    </message>
</context>
<context>
    <name>DialPlanDialog</name>
    <message>
        <source>New dial plan</source>
        <translation>Nouveau plan de numérotation</translation>
    </message>
    <message>
        <source>Dial plan {name}</source>
        <translation>Plan de numérotation {name}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Saving the dial plan…</source>
        <translation>Enregistrement du plan de numérotation…</translation>
    </message>
</context>
<context>
    <name>DialPlansList</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>Nouveau plan…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Dial plan {name} saved.</source>
        <translation>Plan de numérotation {name} enregistré.</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n plan affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n plans affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No dial plans yet: add one with “New plan…”.</source>
        <translation>Aucun plan de numérotation pour l&apos;instant : ajoutez-en un avec « Nouveau plan… ».</translation>
    </message>
</context>
<context>
    <name>DialPlansTab</name>
    <message>
        <source>Dial plans</source>
        <translation>Plans de numérotation</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Routes of {plan}</source>
        <translation>Routes de {plan}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Discard what you typed?</source>
        <translation>Abandonner ce que vous avez saisi ?</translation>
    </message>
    <message>
        <source>Nothing of it has been saved.</source>
        <translation>Rien n’en a été enregistré.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
</context>
<context>
    <name>DidDialog</name>
    <message>
        <source>New DID</source>
        <translation>Nouveau SDA</translation>
    </message>
    <message>
        <source>DID {number}</source>
        <translation>SDA {number}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>+44 20 7946 0001</source>
        <translation>+44 20 7946 0001</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>numéro de compte</translation>
    </message>
    <message>
        <source>where calls go, e.g. +1 305 555 0101</source>
        <translation>où vont les appels, p. ex. +1 305 555 0101</translation>
    </message>
    <message>
        <source>none, or e.g. en, es, fr</source>
        <translation>aucun, ou p. ex. en, es, fr</translation>
    </message>
    <message>
        <source>Languages the caller chooses from before the PIN: the first on key 1, the second on key 2… Each says &quot;for &lt;language&gt; press &lt;key&gt;&quot; in its own language. Empty: no menu (the card&apos;s or account&apos;s language)</source>
        <translation>Langues parmi lesquelles l&apos;appelant choisit avant le code PIN : la première sur la touche 1, la deuxième sur la touche 2… Chacune dit « pour &lt;langue&gt; appuyez sur &lt;touche&gt; » dans sa propre langue. Vide : pas de menu (la langue de la carte ou du compte)</translation>
    </message>
    <message>
        <source>callers&apos; numbers</source>
        <translation>les numéros des appelants</translation>
    </message>
    <message>
        <source>The IVR announces this percentage fewer minutes than a call may last (minute shrinking); calls are billed as usual</source>
        <translation>Le SVI annonce ce pourcentage de minutes en moins que la durée possible de l’appel (réduction des minutes) ; les appels sont facturés comme d’habitude</translation>
    </message>
    <message>
        <source>Charged every month to the account that pays for the DID, as a recurring fee (an access number&apos;s is the operator&apos;s own)</source>
        <translation>Facturé chaque mois au compte qui paie le DID, comme frais récurrents (celui d’un numéro d’accès est à la charge de l’opérateur)</translation>
    </message>
    <message>
        <source>The caller&apos;s account&apos;s dial plan</source>
        <translation>Le plan de numérotation du compte de l’appelant</translation>
    </message>
    <message>
        <source>How calls that come in on this DID are routed when the caller&apos;s account has no dial plan of its own</source>
        <translation>Comment sont acheminés les appels arrivant sur ce DID quand le compte de l’appelant n’a pas de plan de numérotation propre</translation>
    </message>
    <message>
        <source>Takes calls</source>
        <translation>Reçoit des appels</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Account (pays)</source>
        <translation>Compte (payeur)</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Renvoyer vers</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de numérotation</translation>
    </message>
    <message>
        <source>Welcome prompt</source>
        <translation>Message d&apos;accueil</translation>
    </message>
    <message>
        <source>Prompt language</source>
        <translation>Langue des messages</translation>
    </message>
    <message>
        <source>Language menu</source>
        <translation>Menu des langues</translation>
    </message>
    <message>
        <source>Minutes announced less</source>
        <translation>Minutes annoncées en moins</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Surcharge per minute</source>
        <translation>Supplément par minute</translation>
    </message>
    <message>
        <source>Surcharge per call</source>
        <translation>Supplément par appel</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>Abonnement mensuel</translation>
    </message>
    <message>
        <source>Trunks could not be loaded: {message}</source>
        <translation>Impossible de charger les trunks : {message}</translation>
    </message>
    <message>
        <source>no source IP</source>
        <translation>pas d&apos;IP source</translation>
    </message>
    <message>
        <source>no trunks yet: add one on the Trunks tab</source>
        <translation>pas encore de trunk : ajoutez-en un dans l&apos;onglet Trunks</translation>
    </message>
    <message>
        <source>Adding the DID…</source>
        <translation>Ajout du SDA…</translation>
    </message>
    <message>
        <source>Saving the DID…</source>
        <translation>Enregistrement du SDA…</translation>
    </message>
</context>
<context>
    <name>Dids</name>
    <message>
        <source>Forward</source>
        <translation>Renvoi</translation>
    </message>
    <message>
        <source>Access number</source>
        <translation>Numéro d&apos;accès</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation>IP source</translation>
    </message>
    <message>
        <source>SIP digest</source>
        <translation>SIP digest</translation>
    </message>
    <message>
        <source>default region</source>
        <translation>région par défaut</translation>
    </message>
    <message>
        <source>Two-letter country code (GB, FR, DE…): {what} written in national form are read as numbers of this country</source>
        <translation>Code pays à deux lettres (GB, FR, DE…) : {what} écrits au format national sont lus comme des numéros de ce pays</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
</context>
<context>
    <name>DidsModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Renvoyer vers</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>Abonnement mensuel</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
</context>
<context>
    <name>DidsPage</name>
    <message>
        <source>DIDs</source>
        <translation>SDA</translation>
    </message>
    <message>
        <source>Trunks</source>
        <translation>Trunks</translation>
    </message>
</context>
<context>
    <name>DidsTab</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s)</source>
        <translation>
            <numerusform>%n SDA</numerusform>
            <numerusform>%n SDA</numerusform>
        </translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Number contains…</source>
        <translation>Le numéro contient…</translation>
    </message>
    <message>
        <source>Add DID…</source>
        <translation>Ajouter un SDA…</translation>
    </message>
    <message>
        <source>DID {number} saved.</source>
        <translation>SDA {number} enregistré.</translation>
    </message>
    <message>
        <source>Delete DID</source>
        <translation>Supprimer le SDA</translation>
    </message>
    <message>
        <source>Delete DID {number}? If call records name it, the service keeps it and deactivates it instead.</source>
        <translation>Supprimer le SDA {number} ? Si des enregistrements d&apos;appels le citent, le service le garde et le désactive.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting the DID…</source>
        <translation>Suppression du SDA…</translation>
    </message>
    <message>
        <source>DID {number} deleted.</source>
        <translation>SDA {number} supprimé.</translation>
    </message>
    <message>
        <source>DID {number} is named by call records, so the service deactivated it instead of deleting it.</source>
        <translation>Des enregistrements d&apos;appels citent le SDA {number} : le service l&apos;a désactivé au lieu de le supprimer.</translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n SDA affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n SDA affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No DID matches these filters.</source>
        <translation>Aucun SDA ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No DIDs yet: add the numbers callers dial with “Add DID…”.</source>
        <translation>Pas encore de SDA : ajoutez les numéros que composent les appelants avec « Ajouter un SDA… ».</translation>
    </message>
    <message>
        <source>No DIDs yet.</source>
        <translation>Pas encore de SDA.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>account</source>
        <translation>compte</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>montant</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>nom de l’entreprise</translation>
    </message>
    <message>
        <source>number of cards</source>
        <translation>nombre de cartes</translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation>limite de crédit</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>devise</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destination</translation>
    </message>
    <message>
        <source>dial plan</source>
        <translation>plan de numérotation</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>face value</source>
        <translation>valeur faciale</translation>
    </message>
    <message>
        <source>forward to</source>
        <translation>renvoyer vers</translation>
    </message>
    <message>
        <source>gateway</source>
        <translation>passerelle</translation>
    </message>
    <message>
        <source>host</source>
        <translation>hôte</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>method</source>
        <translation>moyen de paiement</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>number</source>
        <translation>numéro</translation>
    </message>
    <message>
        <source>overdraft</source>
        <translation>découvert</translation>
    </message>
    <message>
        <source>parent reseller</source>
        <translation>revendeur parent</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>préfixe</translation>
    </message>
    <message>
        <source>price per minute</source>
        <translation>prix par minute</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>reseller</source>
        <translation>revendeur</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>numéro de série</translation>
    </message>
    <message>
        <source>slot</source>
        <translation>emplacement</translation>
    </message>
    <message>
        <source>source IP</source>
        <translation>IP source</translation>
    </message>
    <message>
        <source>tariff</source>
        <translation>tarif</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>fuseau horaire</translation>
    </message>
    <message>
        <source>trunk</source>
        <translation>trunk</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nom d’utilisateur</translation>
    </message>
    <message>
        <source>valid from</source>
        <translation>valable à partir de</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>valable jusqu’au</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>numéro de compte</translation>
    </message>
    <message>
        <source>caller number</source>
        <translation>numéro appelant</translation>
    </message>
    <message>
        <source>band schedule</source>
        <translation>calendrier des plages</translation>
    </message>
    <message>
        <source>call</source>
        <translation>appel</translation>
    </message>
    <message>
        <source>card</source>
        <translation>carte</translation>
    </message>
    <message>
        <source>card batch</source>
        <translation>lot de cartes</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>DID</source>
        <translation>SDA</translation>
    </message>
    <message>
        <source>job</source>
        <translation>tâche</translation>
    </message>
    <message>
        <source>package</source>
        <translation>forfait</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>tarif</translation>
    </message>
    <message>
        <source>recurring fee</source>
        <translation>frais récurrents</translation>
    </message>
    <message>
        <source>route</source>
        <translation>route</translation>
    </message>
    <message>
        <source>speed dial</source>
        <translation>numéro abrégé</translation>
    </message>
    <message>
        <source>tax profile</source>
        <translation>profil de taxes</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>voucher</source>
        <translation>bon</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>acceptée</translation>
    </message>
    <message>
        <source>unknown account</source>
        <translation>compte inconnu</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>PIN erroné</translation>
    </message>
    <message>
        <source>account in use</source>
        <translation>compte en cours d’utilisation</translation>
    </message>
    <message>
        <source>no balance left</source>
        <translation>solde épuisé</translation>
    </message>
    <message>
        <source>account expired</source>
        <translation>compte expiré</translation>
    </message>
    <message>
        <source>credit limit reached</source>
        <translation>limite de crédit atteinte</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusée</translation>
    </message>
    <message>
        <source>service unavailable</source>
        <translation>service indisponible</translation>
    </message>
    <message>
        <source>the number is blocked</source>
        <translation>le numéro est bloqué</translation>
    </message>
    <message>
        <source>too many tries</source>
        <translation>trop d’essais</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>numéro non valide</translation>
    </message>
    <message>
        <source>not enough balance</source>
        <translation>solde insuffisant</translation>
    </message>
    <message>
        <source>toll-free number</source>
        <translation>numéro gratuit</translation>
    </message>
    <message>
        <source>invalid card</source>
        <translation>carte non valide</translation>
    </message>
    <message>
        <source>refused (code {code})</source>
        <translation>refusée (code {code})</translation>
    </message>
    <message>
        <source>marked down after failed calls, until {time}</source>
        <translation>déclaré hors service après des appels en échec, jusqu’à {time}</translation>
    </message>
    <message>
        <source>marked down after failed calls</source>
        <translation>déclaré hors service après des appels en échec</translation>
    </message>
    <message>
        <source>refused by billing: {reason}</source>
        <translation>refusée par la facturation : {reason}</translation>
    </message>
    <message>
        <source>choose a dial plan</source>
        <translation>choisissez un plan de numérotation</translation>
    </message>
    <message>
        <source>choose its layout</source>
        <translation>choisissez son format</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>n’est pas un nombre</translation>
    </message>
    <message>
        <source>is not a date and time; write it like 2026-01-01 08:00</source>
        <translation>n’est pas une date et heure ; écrivez-la comme 2026-01-01 08:00</translation>
    </message>
    <message>
        <source>must be yes or no</source>
        <translation>doit être oui ou non</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>may have at most {max_length} characters</source>
        <translation>accepte au plus {max_length} caractères</translation>
    </message>
    <message>
        <source>has characters that do not belong here</source>
        <translation>contient des caractères qui n’ont pas leur place ici</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <source>must be more than {gt}</source>
        <translation>doit être supérieur à {gt}</translation>
    </message>
    <message>
        <source>must be at least {ge}</source>
        <translation>doit être au moins {ge}</translation>
    </message>
    <message>
        <source>must be less than {lt}</source>
        <translation>doit être inférieur à {lt}</translation>
    </message>
    <message>
        <source>must be at most {le}</source>
        <translation>doit être au plus {le}</translation>
    </message>
    <message>
        <source>may have at most {decimal_places} digits after the point</source>
        <translation>accepte au plus {decimal_places} décimales</translation>
    </message>
    <message>
        <source>has too many digits</source>
        <translation>a trop de chiffres</translation>
    </message>
    <message>
        <source>has too many digits before the point</source>
        <translation>a trop de chiffres avant la virgule</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be one of: {expected}</source>
        <translation>doit être l’un de : {expected}</translation>
    </message>
    <message>
        <source>needs at least {min_length} entries</source>
        <translation>demande au moins {min_length} éléments</translation>
    </message>
    <message>
        <source>may have at most {max_length} entries</source>
        <translation>accepte au plus {max_length} éléments</translation>
    </message>
    <message>
        <source>is not expected here</source>
        <translation>n’est pas attendu ici</translation>
    </message>
    <message>
        <source>is not valid JSON</source>
        <translation>n’est pas du JSON valide</translation>
    </message>
    <message>
        <source>needs at least {min_length} characters</source>
        <translation>demande au moins {min_length} caractères</translation>
    </message>
    <message>
        <source>{what} {key} does not exist</source>
        <translation>{what} {key} n’existe pas</translation>
    </message>
    <message>
        <source>account {account} has no dial plan: choose a dial plan</source>
        <translation>le compte {account} n’a pas de plan de numérotation : choisissez un plan de numérotation</translation>
    </message>
    <message>
        <source>choose a dial plan, or an account whose dial plan is used</source>
        <translation>choisissez un plan de numérotation, ou un compte dont le plan est utilisé</translation>
    </message>
    <message>
        <source>wrong user name or password</source>
        <translation>nom d’utilisateur ou mot de passe erroné</translation>
    </message>
    <message>
        <source>your sign-in has ended: sign in again</source>
        <translation>votre session a pris fin : reconnectez-vous</translation>
    </message>
    <message>
        <source>your role may not do this</source>
        <translation>votre rôle ne permet pas de faire ceci</translation>
    </message>
    <message>
        <source>a {what} named “{name}” already exists</source>
        <translation>{what} nommé « {name} » existe déjà</translation>
    </message>
    <message>
        <source>number {number} is already in use</source>
        <translation>le numéro {number} est déjà utilisé</translation>
    </message>
    <message>
        <source>this service is already set up: sign in instead</source>
        <translation>ce service est déjà configuré : connectez-vous</translation>
    </message>
    <message>
        <source>{user} is the last active administrator: make another user an administrator first</source>
        <translation>{user} est le dernier administrateur actif : nommez d’abord un autre utilisateur administrateur</translation>
    </message>
    <message>
        <source>No Carrierdesk service answers at {url}</source>
        <translation>Aucun service Carrierdesk ne répond à l’adresse {url}</translation>
    </message>
</context>
<context>
    <name>ExplainTab</name>
    <message>
        <source>e.g. +44 7700 900123</source>
        <translation>p. ex. +44 7700 900123</translation>
    </message>
    <message>
        <source>optional: its tariff gives the sell rate</source>
        <translation>facultatif : son tarif donne le prix de vente</translation>
    </message>
    <message>
        <source>The account&apos;s dial plan</source>
        <translation>Le plan de numérotation du compte</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>Number dialled</source>
        <translation>Numéro composé</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Numéro de compte</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de numérotation</translation>
    </message>
    <message>
        <source>Type a number and press Explain to see the route the switch would take and the carriers in the order it would try them.</source>
        <translation>Saisissez un numéro et appuyez sur Expliquer pour voir la route que prendrait le commutateur et les opérateurs dans l&apos;ordre où il les essaierait.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Why skipped</source>
        <translation>Pourquoi ignoré</translation>
    </message>
    <message>
        <source>Buy rate</source>
        <translation>Prix d&apos;achat</translation>
    </message>
    <message>
        <source>Sell rate</source>
        <translation>Prix de vente</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>Marge %</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>Number sent</source>
        <translation>Numéro envoyé</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Interrogation du service…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Number {number} on dial plan {plan}: {outcome}.</source>
        <translation>Numéro {number} sur le plan de numérotation {plan} : {outcome}.</translation>
    </message>
    <message>
        <source>Route {prefix}</source>
        <translation>Route {prefix}</translation>
    </message>
    <message>
        <source>strategy {strategy}</source>
        <translation>stratégie {strategy}</translation>
    </message>
    <message>
        <source>sell rate {rate} per minute</source>
        <translation>prix de vente {rate} par minute</translation>
    </message>
    <message>
        <source>account {number} ({name})</source>
        <translation>compte {number} ({name})</translation>
    </message>
    <message>
        <source>tried</source>
        <translation>essayé</translation>
    </message>
    <message>
        <source>tried first (pinned)</source>
        <translation>essayé en premier (épinglé)</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
</context>
<context>
    <name>ExportCardsDialog</name>
    <message>
        <source>Export batch {name} for printing</source>
        <translation>Exporter le lot {name} pour l&apos;impression</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Enregistrer le fichier</translation>
    </message>
    <message>
        <source>This file holds the live PINs of all {count} cards of batch {name}, in clear. Anyone who reads it can spend the cards&apos; credit. Save it where only you can read it (it is written readable by you alone), and delete it once the cards are printed. The export is recorded in the audit log.</source>
        <translation>Ce fichier contient en clair les PIN valides des {count} cartes du lot {name}. Quiconque le lit peut dépenser le crédit des cartes. Enregistrez-le là où vous seul pouvez le lire (il est écrit lisible par vous seul) et supprimez-le une fois les cartes imprimées. L&apos;export est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Save the cards of batch {name}</source>
        <translation>Enregistrer les cartes du lot {name}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Choose the file to save the cards in.</source>
        <translation>Choisissez le fichier où enregistrer les cartes.</translation>
    </message>
    <message>
        <source>Exporting the cards…</source>
        <translation>Export des cartes…</translation>
    </message>
</context>
<context>
    <name>FeeDialog</name>
    <message>
        <source>New recurring fee</source>
        <translation>Nouveaux frais récurrents</translation>
    </message>
    <message>
        <source>Fee {name}</source>
        <translation>Frais {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>e.g. Maintenance, DID rent</source>
        <translation>p. ex. Maintenance, location de DID</translation>
    </message>
    <message>
        <source>per period, in the account&apos;s currency</source>
        <translation>par période, dans la devise du compte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Later occurrences keep its weekday or day of month and time, in the account&apos;s time zone</source>
        <translation>Les échéances suivantes gardent son jour de la semaine ou du mois et son heure, dans le fuseau horaire du compte</translation>
    </message>
    <message>
        <source>account number; empty: every active account</source>
        <translation>numéro de compte ; vide : tous les comptes actifs</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>First due (UTC)</source>
        <translation>Première échéance (UTC)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Facturés</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Adding the fee…</source>
        <translation>Ajout des frais…</translation>
    </message>
</context>
<context>
    <name>FeesModel</name>
    <message>
        <source>every active account</source>
        <translation>tous les comptes actifs</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Next due (UTC)</source>
        <translation>Prochaine échéance (UTC)</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>Facturés</translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <source>New fee…</source>
        <translation>Nouveaux frais…</translation>
    </message>
    <message>
        <source>Charge due fees now</source>
        <translation>Facturer maintenant les frais échus</translation>
    </message>
    <message>
        <source>The service also charges them by itself every minute</source>
        <translation>Le service les facture aussi de lui-même chaque minute</translation>
    </message>
    <message numerus="yes">
        <source>%n fee(s)</source>
        <translation>
            <numerusform>%n frais</numerusform>
            <numerusform>%n frais</numerusform>
        </translation>
    </message>
    <message>
        <source>No recurring fees yet: add a maintenance or DID-rent fee with New fee.</source>
        <translation>Pas encore de frais récurrents : ajoutez des frais de maintenance ou de location de DID avec Nouveaux frais.</translation>
    </message>
    <message>
        <source>Fee {name} saved; next due {due} UTC.</source>
        <translation>Frais {name} enregistrés ; prochaine échéance {due} UTC.</translation>
    </message>
    <message>
        <source>Charging the fees that are due…</source>
        <translation>Facturation des frais échus…</translation>
    </message>
    <message numerus="yes">
        <source>%n charge(s) made.</source>
        <translation>
            <numerusform>%n facturation effectuée.</numerusform>
            <numerusform>%n facturations effectuées.</numerusform>
        </translation>
    </message>
    <message>
        <source>No fee was due.</source>
        <translation>Aucun frais n&apos;était échu.</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>{text} is not a number of minutes (whole seconds, e.g. 100 or 1.5)</source>
        <translation>{text} n&apos;est pas un nombre de minutes (secondes entières, p. ex. 100 ou 1.5)</translation>
    </message>
    <message>
        <source>{text} is not a date and time; write it like 2026-01-01 08:00</source>
        <translation>{text} n&apos;est pas une date et une heure ; écrivez-la comme 2026-01-01 08:00</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Carrierdesk</source>
        <translation>Configurer Carrierdesk</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} n&apos;est pas un nombre entier</translation>
    </message>
</context>
<context>
    <name>GatewaysTable</name>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>GenerateBatchDialog</name>
    <message>
        <source>Generate a card batch</source>
        <translation>Générer un lot de cartes</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>e.g. Shop cards 10 EUR, May</source>
        <translation>p. ex. Cartes boutique 10 EUR, mai</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valables jusqu&apos;au</translation>
    </message>
    <message>
        <source>Expire after first use, in days</source>
        <translation>Expirent après la première utilisation, en jours</translation>
    </message>
    <message>
        <source>who distributes the printed cards (optional)</source>
        <translation>qui distribue les cartes imprimées (facultatif)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>Valeur faciale</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributeur</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendeur</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Cancel generation</source>
        <translation>Annuler la génération</translation>
    </message>
    <message>
        <source>None: the company&apos;s default</source>
        <translation>Aucun : celui de l&apos;entreprise par défaut</translation>
    </message>
    <message>
        <source>Starting the batch…</source>
        <translation>Lancement du lot…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Waiting for the service…</source>
        <translation>En attente du service…</translation>
    </message>
    <message>
        <source>Cancelled: no cards were made.</source>
        <translation>Annulé : aucune carte n&apos;a été créée.</translation>
    </message>
    <message>
        <source>The service stopped answering about the batch: {message}. Refresh the list to see whether it was made.</source>
        <translation>Le service ne répond plus au sujet du lot : {message}. Actualisez la liste pour voir s&apos;il a été créé.</translation>
    </message>
</context>
<context>
    <name>IvrPage</name>
    <message>
        <source>IVR prompts</source>
        <translation>Annonces du SVI</translation>
    </message>
    <message>
        <source>The recordings callers hear, by language. Replace a prompt with your own WAV or MP3 recording (converted to 8 kHz mono, at most 2 minutes); Restore default brings the product&apos;s recording back. The next call hears the change.</source>
        <translation>Les enregistrements qu&apos;entendent les appelants, par langue. Remplacez une annonce par votre propre enregistrement WAV ou MP3 (converti en 8 kHz mono, 2 minutes au plus) ; Rétablir l&apos;original remet l&apos;enregistrement du produit. L&apos;appel suivant entend le changement.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Annonce</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>Ce qu&apos;elle dit</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Écouter</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>&amp;Remplacer…</translation>
    </message>
    <message>
        <source>Restore &amp;default</source>
        <translation>Rétablir l&apos;&amp;original</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n remplacée</numerusform>
            <numerusform>%n remplacées</numerusform>
        </translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>remplacée</translation>
    </message>
    <message>
        <source>product&apos;s</source>
        <translation>du produit</translation>
    </message>
    <message>
        <source>What the product&apos;s recording says; your recording plays instead</source>
        <translation>Ce que dit l&apos;enregistrement du produit ; le vôtre est joué à sa place</translation>
    </message>
    <message>
        <source>{name} cannot be played here: {reason}</source>
        <translation>{name} ne peut pas être écoutée ici : {reason}</translation>
    </message>
    <message>
        <source>Playing {name} ({seconds:.1f} s)…</source>
        <translation>Lecture de {name} ({seconds:.1f} s)…</translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation>Choisir un enregistrement</translation>
    </message>
    <message>
        <source>Recordings (*.wav *.mp3);;All files (*)</source>
        <translation>Enregistrements (*.wav *.mp3);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>Impossible de lire {file} : {reason}</translation>
    </message>
    <message>
        <source>{file} was not taken: {reason}</source>
        <translation>{file} n&apos;a pas été accepté : {reason}</translation>
    </message>
    <message>
        <source>Sending the recording…</source>
        <translation>Envoi de l&apos;enregistrement…</translation>
    </message>
    <message>
        <source>{name} replaced by your {kind} recording ({seconds:.1f} s, converted to 8 kHz mono); the next call hears it.</source>
        <translation>{name} remplacée par votre enregistrement {kind} ({seconds:.1f} s, converti en 8 kHz mono) ; l&apos;appel suivant l&apos;entend.</translation>
    </message>
    <message>
        <source>Restoring the product&apos;s recording…</source>
        <translation>Rétablissement de l&apos;enregistrement du produit…</translation>
    </message>
    <message>
        <source>{name}: the product&apos;s recording plays again from the next call.</source>
        <translation>{name} : l&apos;enregistrement du produit est rejoué dès l&apos;appel suivant.</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <source>Calls now</source>
        <translation>Appels en cours</translation>
    </message>
    <message>
        <source>ASR today</source>
        <translation>ASR aujourd&apos;hui</translation>
    </message>
    <message>
        <source>ACD today</source>
        <translation>ACD aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Minutes today</source>
        <translation>Minutes aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Revenue today</source>
        <translation>Chiffre d&apos;affaires aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Profit today</source>
        <translation>Bénéfice aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Low-balance accounts</source>
        <translation>Comptes à solde bas</translation>
    </message>
    <message>
        <source>Carriers down</source>
        <translation>Opérateurs en panne</translation>
    </message>
    <message>
        <source>{answered} of {calls} calls answered</source>
        <translation>{answered} appels décrochés sur {calls}</translation>
    </message>
    <message>
        <source>average talk time of today&apos;s answered calls</source>
        <translation>durée moyenne des appels décrochés aujourd&apos;hui</translation>
    </message>
    <message>
        <source>active prepaid customer accounts with less than {amount}</source>
        <translation>comptes clients prépayés actifs avec moins de {amount}</translation>
    </message>
    <message>
        <source>{down} of {carriers}</source>
        <translation>{down} sur {carriers}</translation>
    </message>
    <message>
        <source>carriers with no gateway answering the switch&apos;s keep-alive</source>
        <translation>opérateurs dont aucune passerelle ne répond au keep-alive du commutateur</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Langue du système ({language})</translation>
    </message>
    <message>
        <source>A new language applies after a restart</source>
        <translation>Une nouvelle langue s’applique après un redémarrage</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Carrierdesk will speak {language} from its next start. Restart it to switch now.</source>
        <translation>Carrierdesk utilisera {language} à partir du prochain démarrage. Redémarrez-le pour changer maintenant.</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
</context>
<context>
    <name>Listing</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Could not load the list: {message}</source>
        <translation>Impossible de charger la liste : {message}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>LiveCalls</name>
    <message>
        <source>In the IVR: {stage}</source>
        <translation>Dans le SVI : {stage}</translation>
    </message>
    <message>
        <source>Setting up</source>
        <translation>Établissement</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Sonnerie</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>En conversation</translation>
    </message>
    <message>
        <source>Trying next carrier</source>
        <translation>Essai de l’opérateur suivant</translation>
    </message>
    <message>
        <source>answering</source>
        <translation>réponse en cours</translation>
    </message>
    <message>
        <source>language menu</source>
        <translation>menu des langues</translation>
    </message>
    <message>
        <source>checking the caller</source>
        <translation>vérification de l&apos;appelant</translation>
    </message>
    <message>
        <source>PIN entry</source>
        <translation>saisie du code PIN</translation>
    </message>
    <message>
        <source>checking the PIN</source>
        <translation>vérification du code PIN</translation>
    </message>
    <message>
        <source>phone registration offer</source>
        <translation>offre d&apos;enregistrer le téléphone</translation>
    </message>
    <message>
        <source>registering the phone</source>
        <translation>enregistrement du téléphone</translation>
    </message>
    <message>
        <source>voucher entry</source>
        <translation>saisie du bon de recharge</translation>
    </message>
    <message>
        <source>checking the voucher</source>
        <translation>vérification du bon de recharge</translation>
    </message>
    <message>
        <source>other card&apos;s PIN entry</source>
        <translation>saisie du PIN de l&apos;autre carte</translation>
    </message>
    <message>
        <source>moving the other card&apos;s balance</source>
        <translation>transfert du solde de l&apos;autre carte</translation>
    </message>
    <message>
        <source>agent PIN entry</source>
        <translation>saisie du code PIN d&apos;agent</translation>
    </message>
    <message>
        <source>checking the agent PIN</source>
        <translation>vérification du code PIN d&apos;agent</translation>
    </message>
    <message>
        <source>agent: customer&apos;s number entry</source>
        <translation>agent : saisie du numéro du client</translation>
    </message>
    <message>
        <source>agent: amount entry</source>
        <translation>agent : saisie du montant</translation>
    </message>
    <message>
        <source>agent: recharging a customer</source>
        <translation>agent : recharge d&apos;un client</translation>
    </message>
    <message>
        <source>destination entry</source>
        <translation>saisie de la destination</translation>
    </message>
    <message>
        <source>checking the destination</source>
        <translation>vérification de la destination</translation>
    </message>
    <message>
        <source>hearing the minutes</source>
        <translation>écoute des minutes</translation>
    </message>
    <message>
        <source>hearing a last message</source>
        <translation>écoute d&apos;un dernier message</translation>
    </message>
</context>
<context>
    <name>LiveCallsModel</name>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation>Nom de la destination</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation>Tarif/min</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Temps de parole</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
</context>
<context>
    <name>LiveCallsPage</name>
    <message>
        <source>Live calls</source>
        <translation>Appels en cours</translation>
    </message>
    <message>
        <source>Hang up…</source>
        <translation>Raccrocher…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Could not load the live calls: {message}</source>
        <translation>Impossible de charger les appels en cours : {message}</translation>
    </message>
    <message>
        <source>Hang up the caller {caller} in the IVR of {number}? The caller is cut off now.</source>
        <translation>Raccrocher l&apos;appelant {caller} dans le SVI du {number} ? L&apos;appelant est coupé tout de suite.</translation>
    </message>
    <message>
        <source>Hang up the call from {caller} to {destination}? Both sides are cut off now.</source>
        <translation>Raccrocher l’appel de {caller} vers {destination} ? Les deux côtés sont coupés immédiatement.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <source>Node {node} carries the call from {caller} to {destination} and was asked to hang it up; it ends within a second or two.</source>
        <translation>Le nœud {node} porte l’appel de {caller} vers {destination} et a été prié de le raccrocher ; il se termine d’ici une ou deux secondes.</translation>
    </message>
    <message>
        <source>The call was not hung up: {message}</source>
        <translation>L’appel n’a pas été raccroché : {message}</translation>
    </message>
    <message numerus="yes">
        <source>%n caller(s) in the IVR</source>
        <translation>
            <numerusform>%n appelant dans le SVI</numerusform>
            <numerusform>%n appelants dans le SVI</numerusform>
        </translation>
    </message>
    <message>
        <source>Hanging up…</source>
        <translation>Raccrochage…</translation>
    </message>
    <message>
        <source>The call from {caller} to {destination} was hung up.</source>
        <translation>L&apos;appel de {caller} vers {destination} a été raccroché.</translation>
    </message>
    <message>
        <source>The call from {caller} to {destination} had already ended.</source>
        <translation>L&apos;appel de {caller} vers {destination} était déjà terminé.</translation>
    </message>
    <message>
        <source>Live: updates as calls start and end</source>
        <translation>En direct : mis à jour quand les appels commencent et se terminent</translation>
    </message>
    <message>
        <source>Not live ({reason}); trying again</source>
        <translation>Hors direct ({reason}) ; nouvel essai</translation>
    </message>
    <message>
        <source>Not live</source>
        <translation>Hors direct</translation>
    </message>
    <message>
        <source>No calls in progress. Calls appear here as they start.</source>
        <translation>Aucun appel en cours. Les appels apparaissent ici dès qu’ils commencent.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress</source>
        <translation>
            <numerusform>%n appel en cours</numerusform>
            <numerusform>%n appels en cours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveStream</name>
    <message>
        <source>The service ended the live stream</source>
        <translation>Le service a fermé le flux en direct</translation>
    </message>
</context>
<context>
    <name>LogoDialog</name>
    <message>
        <source>Logo of {name}</source>
        <translation>Logo de {name}</translation>
    </message>
    <message>
        <source>Printed on its customers&apos; statements and invoices and on its own statement. PNG or JPEG, up to 512 KiB and 2000 pixels a side.</source>
        <translation>Imprimé sur les relevés et factures de ses clients et sur son propre relevé. PNG ou JPEG, jusqu’à 512 Kio et 2000 pixels de côté.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No logo: its documents carry its brand name alone.</source>
        <translation>Pas de logo : ses documents portent seulement son nom commercial.</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Choisir un logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>Impossible de lire {file} : {reason}</translation>
    </message>
    <message>
        <source>Sending the logo…</source>
        <translation>Envoi du logo…</translation>
    </message>
    <message>
        <source>Logo stored: {kind}, {width} × {height} pixels, {size} bytes.</source>
        <translation>Logo enregistré : {kind}, {width} × {height} pixels, {size} octets.</translation>
    </message>
    <message>
        <source>Removing the logo…</source>
        <translation>Retrait du logo…</translation>
    </message>
    <message>
        <source>Logo removed.</source>
        <translation>Logo retiré.</translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>Valeur faciale</translation>
    </message>
    <message>
        <source>Balance left</source>
        <translation>Solde restant</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Distributeur</translation>
    </message>
    <message>
        <source>First used (UTC)</source>
        <translation>Première utilisation (UTC)</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>Expire (UTC)</translation>
    </message>
    <message>
        <source>Find by</source>
        <translation>Chercher par</translation>
    </message>
    <message>
        <source>the PIN under the card&apos;s scratch strip</source>
        <translation>le PIN sous la zone à gratter</translation>
    </message>
    <message>
        <source>the serial printed on the card</source>
        <translation>le numéro de série imprimé sur la carte</translation>
    </message>
    <message>
        <source>Looking the card up…</source>
        <translation>Recherche de la carte…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>pas de date</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation>Appels en cours</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <source>DIDs</source>
        <translation>SDA</translation>
    </message>
    <message>
        <source>IVR</source>
        <translation>SVI</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarifs</translation>
    </message>
    <message>
        <source>Carriers and routing</source>
        <translation>Opérateurs et routage</translation>
    </message>
    <message>
        <source>Resellers</source>
        <translation>Revendeurs</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Secrets are in a file, not a system keyring</source>
        <translation>Les secrets sont dans un fichier, pas dans un trousseau système</translation>
    </message>
    <message>
        <source>The service found no system keyring on its machine, so its secrets are kept in a file readable only by its user. Install a keyring (e.g. Secret Service) to store them securely.</source>
        <translation>Le service n’a trouvé aucun trousseau système sur sa machine&#xa0;: ses secrets sont donc conservés dans un fichier lisible uniquement par son utilisateur. Installez un trousseau (par ex. Secret Service) pour les stocker en toute sécurité.</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>Changer d’utilisateur…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>About Carrierdesk</source>
        <translation>À propos de Carrierdesk</translation>
    </message>
    <message>
        <source>Signed in as {user} ({role})</source>
        <translation>Connecté en tant que {user} ({role})</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
</context>
<context>
    <name>NasClientDialog</name>
    <message>
        <source>New RADIUS client</source>
        <translation>Nouveau client RADIUS</translation>
    </message>
    <message>
        <source>RADIUS client {name}</source>
        <translation>Client RADIUS {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>192.0.2.7, or a network: 192.0.2.0/28</source>
        <translation>192.0.2.7, ou un réseau : 192.0.2.0/28</translation>
    </message>
    <message>
        <source>stored; type a new one to replace it</source>
        <translation>enregistré ; saisissez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>au moins {count} caractères</translation>
    </message>
    <message>
        <source>Require a Message-Authenticator (switch off only for a gateway that cannot send one)</source>
        <translation>Exiger un Message-Authenticator (à désactiver seulement pour une passerelle qui ne peut pas en envoyer)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address or network</source>
        <translation>Adresse ou réseau</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Secret partagé</translation>
    </message>
    <message>
        <source>Adding the RADIUS client…</source>
        <translation>Ajout du client RADIUS…</translation>
    </message>
    <message>
        <source>Saving the RADIUS client…</source>
        <translation>Enregistrement du client RADIUS…</translation>
    </message>
</context>
<context>
    <name>NasClientsTab</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address or network</source>
        <translation>Adresse ou réseau</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Message-Authenticator</source>
        <translation>Message-Authenticator</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Add RADIUS client…</source>
        <translation>Ajouter un client RADIUS…</translation>
    </message>
    <message>
        <source>RADIUS client {name} saved; the RADIUS server serves the change within {seconds} s.</source>
        <translation>Client RADIUS {name} enregistré ; le serveur RADIUS applique le changement en {seconds} s au plus.</translation>
    </message>
    <message>
        <source>Delete RADIUS client</source>
        <translation>Supprimer le client RADIUS</translation>
    </message>
    <message>
        <source>Delete RADIUS client {name} ({address})? Its requests are dropped from then on.</source>
        <translation>Supprimer le client RADIUS {name} ({address}) ? Ses requêtes sont ensuite ignorées.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting the RADIUS client…</source>
        <translation>Suppression du client RADIUS…</translation>
    </message>
    <message>
        <source>RADIUS client {name} deleted.</source>
        <translation>Client RADIUS {name} supprimé.</translation>
    </message>
    <message numerus="yes">
        <source>%n RADIUS client(s)</source>
        <translation>
            <numerusform>%n client RADIUS</numerusform>
            <numerusform>%n clients RADIUS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n RADIUS client(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n client RADIUS affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n clients RADIUS affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No RADIUS clients: only the switch itself may send RADIUS requests. Add a third-party gateway with “Add RADIUS client…”.</source>
        <translation>Aucun client RADIUS : seul le commutateur lui-même peut envoyer des requêtes RADIUS. Ajoutez une passerelle tierce avec « Ajouter un client RADIUS… ».</translation>
    </message>
</context>
<context>
    <name>NewResellerDialog</name>
    <message>
        <source>New sub-reseller</source>
        <translation>Nouveau sous-revendeur</translation>
    </message>
    <message>
        <source>New reseller</source>
        <translation>Nouveau revendeur</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>company currency</source>
        <translation>devise de l&apos;entreprise</translation>
    </message>
    <message>
        <source>shown to its customers (white label)</source>
        <translation>montré à ses clients (marque blanche)</translation>
    </message>
    <message>
        <source>Under</source>
        <translation>Sous</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(niveau supérieur)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Limite de crédit</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation>Nom de marque</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Creating the reseller…</source>
        <translation>Création du revendeur…</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Adding the user…</source>
        <translation>Ajout de l&apos;utilisateur…</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>New package</source>
        <translation>Nouveau forfait</translation>
    </message>
    <message>
        <source>Package {name}</source>
        <translation>Forfait {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Free minutes per period</source>
        <translation>Minutes gratuites par période</translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation>Préfixes</translation>
    </message>
    <message>
        <source>The destinations the free seconds are for: E.164 digits the numbers start with, separated by commas or spaces</source>
        <translation>Les destinations des secondes gratuites : chiffres E.164 par lesquels commencent les numéros, séparés par des virgules ou des espaces</translation>
    </message>
    <message>
        <source>e.g. 44, 33, 4930</source>
        <translation>p. ex. 44, 33, 4930</translation>
    </message>
    <message>
        <source>Fee per period</source>
        <translation>Frais par période</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>(no longer listed; refresh)</source>
        <translation>(n’apparaît plus&#xa0;; actualisez)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>The user is signed out everywhere and signs in with the new password.</source>
        <translation>L&apos;utilisateur est déconnecté partout et se connecte avec le nouveau mot de passe.</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Définition du mot de passe…</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment for {number}</source>
        <translation>Paiement pour {number}</translation>
    </message>
    <message>
        <source>Enter payment</source>
        <translation>Enregistrer le paiement</translation>
    </message>
    <message>
        <source>card slip, transfer id… (optional)</source>
        <translation>ticket de carte, réf. de virement… (facultatif)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Entering the payment…</source>
        <translation>Enregistrement du paiement…</translation>
    </message>
    <message>
        <source>The service did not answer in time, so the payment may have been entered. Press “Enter payment” again: it is never entered twice.</source>
        <translation>Le service n&apos;a pas répondu à temps : le paiement a peut-être été enregistré. Appuyez de nouveau sur « Enregistrer le paiement » : il n&apos;est jamais enregistré deux fois.</translation>
    </message>
    <message>
        <source>A payment with other values was already entered from this dialog; check the account&apos;s payments before entering another.</source>
        <translation>Un paiement avec d&apos;autres valeurs a déjà été enregistré depuis cette fenêtre ; vérifiez les paiements du compte avant d&apos;en saisir un autre.</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>Top-up</source>
        <translation>Recharge</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Ajustement</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Virement bancaire</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>{text} is not an amount; write it like 10.50</source>
        <translation>{text} n&apos;est pas un montant ; écrivez-le ainsi : 10.50</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>Sell</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Quotidien</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>Raise the prices of {tariff}</source>
        <translation>Augmenter les prix de {tariff}</translation>
    </message>
    <message>
        <source>Raise</source>
        <translation>Augmenter</translation>
    </message>
    <message>
        <source>e.g. 5, or -2.5 to lower</source>
        <translation>p. ex. 5, ou -2.5 pour baisser</translation>
    </message>
    <message>
        <source>no rounding up (6 decimal places)</source>
        <translation>sans arrondi supérieur (6 décimales)</translation>
    </message>
    <message>
        <source>Also the connect and disconnect fees and the minimum cost</source>
        <translation>Aussi les frais de connexion et de déconnexion et le coût minimum</translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation>Variation (%)</translation>
    </message>
    <message>
        <source>Round up to</source>
        <translation>Arrondir au-dessus à</translation>
    </message>
    <message>
        <source>Starting the repricing…</source>
        <translation>Lancement du changement de prix…</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>New rate in {tariff}</source>
        <translation>Nouveau tarif dans {tariff}</translation>
    </message>
    <message>
        <source>Rate {prefix} in {tariff}</source>
        <translation>Tarif {prefix} dans {tariff}</translation>
    </message>
    <message>
        <source>to calls shorter than the threshold</source>
        <translation>aux appels plus courts que le seuil</translation>
    </message>
    <message>
        <source>to calls of at least the threshold</source>
        <translation>aux appels d’au moins le seuil</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Fees and rounding</source>
        <translation>Frais et arrondis</translation>
    </message>
    <message>
        <source>Steps and bands</source>
        <translation>Paliers et plages</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>E.164 digits the numbers start with</source>
        <translation>Chiffres E.164 par lesquels commencent les numéros</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Price per minute</source>
        <translation>Prix par minute</translation>
    </message>
    <message>
        <source>First block (s)</source>
        <translation>Premier bloc (s)</translation>
    </message>
    <message>
        <source>Increment (s)</source>
        <translation>Incrément (s)</translation>
    </message>
    <message>
        <source>Valid from (UTC)</source>
        <translation>Valable à partir de (UTC)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>Valid until (UTC)</source>
        <translation>Valable jusqu&apos;à (UTC)</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sans fin</translation>
    </message>
    <message>
        <source>Connect fee</source>
        <translation>Frais de connexion</translation>
    </message>
    <message>
        <source>Disconnect fee</source>
        <translation>Frais de déconnexion</translation>
    </message>
    <message>
        <source>Disconnect fee threshold (s)</source>
        <translation>Seuil des frais de déconnexion (s)</translation>
    </message>
    <message>
        <source>0: the disconnect fee always applies; else the rule below says which calls pay it</source>
        <translation>0 : les frais de déconnexion s’appliquent toujours ; sinon la règle ci-dessous dit quels appels les paient</translation>
    </message>
    <message>
        <source>Disconnect fee applies</source>
        <translation>Les frais de déconnexion s’appliquent</translation>
    </message>
    <message>
        <source>Shorter than the threshold: discourages short calls. At least the threshold (A2Billing&apos;s rule): short, failed-looking calls are spared the fee.</source>
        <translation>Plus courts que le seuil : décourage les appels courts. Au moins le seuil (règle d’A2Billing) : les appels courts, qui semblent échoués, ne paient pas les frais.</translation>
    </message>
    <message>
        <source>Disconnect fee (%)</source>
        <translation>Frais de déconnexion (%)</translation>
    </message>
    <message>
        <source>Minimum duration (s)</source>
        <translation>Durée minimale (s)</translation>
    </message>
    <message>
        <source>Minimum cost</source>
        <translation>Coût minimal</translation>
    </message>
    <message>
        <source>Grace time (s)</source>
        <translation>Délai de grâce (s)</translation>
    </message>
    <message>
        <source>Minute shrinking (%)</source>
        <translation>Réduction des minutes (%)</translation>
    </message>
    <message>
        <source>Step {n} after (s)</source>
        <translation>Palier {n} après (s)</translation>
    </message>
    <message>
        <source>Step {n} price</source>
        <translation>Prix du palier {n}</translation>
    </message>
    <message>
        <source>Off-peak price</source>
        <translation>Prix heures creuses</translation>
    </message>
    <message>
        <source>Weekend price</source>
        <translation>Prix du week-end</translation>
    </message>
    <message>
        <source>Holiday price</source>
        <translation>Prix des jours fériés</translation>
    </message>
</context>
<context>
    <name>RateImport</name>
    <message>
        <source>Recognise from the header</source>
        <translation>Reconnaître d&apos;après l&apos;en-tête</translation>
    </message>
    <message>
        <source>Carrierdesk (native)</source>
        <translation>Carrierdesk (natif)</translation>
    </message>
    <message>
        <source>A2Billing</source>
        <translation>A2Billing</translation>
    </message>
    <message>
        <source>ASTPP</source>
        <translation>ASTPP</translation>
    </message>
    <message>
        <source>MagnusBilling</source>
        <translation>MagnusBilling</translation>
    </message>
    <message>
        <source>{column} (required)</source>
        <translation>{column} (obligatoire)</translation>
    </message>
</context>
<context>
    <name>RateImportDialog</name>
    <message>
        <source>Import rates into {tariff}</source>
        <translation>Importer des tarifs dans {tariff}</translation>
    </message>
    <message>
        <source>a CSV rate deck</source>
        <translation>une grille tarifaire CSV</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Save a template…</source>
        <translation>Enregistrer un modèle…</translation>
    </message>
    <message>
        <source>A deck of the native layout with every column and one example row</source>
        <translation>Un fichier de tarifs au format natif avec toutes les colonnes et une ligne d’exemple</translation>
    </message>
    <message>
        <source>When the new rates take effect, in UTC. Rows of the deck that name their own start keep it; earlier rates of the same prefixes end then.</source>
        <translation>Quand les nouveaux tarifs prennent effet, en UTC. Les lignes de la grille qui indiquent leur propre début le gardent ; les tarifs précédents des mêmes préfixes se terminent alors.</translation>
    </message>
    <message>
        <source>Deck file</source>
        <translation>Fichier de tarifs</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Takes effect (UTC)</source>
        <translation>Prend effet (UTC)</translation>
    </message>
    <message>
        <source>Copy the list</source>
        <translation>Copier la liste</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Annuler l&apos;importation</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Choose a rate deck</source>
        <translation>Choisissez une grille tarifaire</translation>
    </message>
    <message>
        <source>Rate decks (*.csv *.txt);;All files (*)</source>
        <translation>Grilles tarifaires (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Carrierdesk cannot tell this file&apos;s layout from its first line: choose the layout below, or start from the template.</source>
        <translation>Carrierdesk ne reconnaît pas le format de ce fichier d’après sa première ligne : choisissez le format ci-dessous, ou partez du modèle.</translation>
    </message>
    <message>
        <source>columns it does not know: {names}</source>
        <translation>colonnes inconnues : {names}</translation>
    </message>
    <message>
        <source>required columns missing: {names}</source>
        <translation>colonnes obligatoires manquantes : {names}</translation>
    </message>
    <message>
        <source>Recognised layout: {layout}.</source>
        <translation>Format reconnu : {layout}.</translation>
    </message>
    <message>
        <source>Columns of the {layout} layout: {columns}.</source>
        <translation>Colonnes du format {layout} : {columns}.</translation>
    </message>
    <message>
        <source>Save a rate deck template</source>
        <translation>Enregistrer un modèle de fichier de tarifs</translation>
    </message>
    <message>
        <source>Rate decks (*.csv)</source>
        <translation>Fichiers de tarifs (*.csv)</translation>
    </message>
    <message>
        <source>Template saved to {path}: fill it in, then choose it above.</source>
        <translation>Modèle enregistré dans {path} : remplissez-le, puis choisissez-le ci-dessus.</translation>
    </message>
    <message>
        <source>The template was not saved: {message}</source>
        <translation>Le modèle n’a pas été enregistré : {message}</translation>
    </message>
    <message>
        <source>Choose the deck file to import.</source>
        <translation>Choisissez le fichier de tarifs à importer.</translation>
    </message>
    <message>
        <source>Sending {file}…</source>
        <translation>Envoi de {file}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Reading and checking the deck…</source>
        <translation>Lecture et vérification de la grille…</translation>
    </message>
    <message>
        <source>%v of %m rows</source>
        <translation>%v lignes sur %m</translation>
    </message>
    <message>
        <source>Loading rates: {done} of {total}</source>
        <translation>Chargement des tarifs : {done} sur {total}</translation>
    </message>
    <message>
        <source>Imported {rows} rates from a deck of the {layout} layout; {closed} earlier rates now end where they start.</source>
        <translation>{rows} tarifs importés d’un fichier au format {layout} ; {closed} tarifs antérieurs se terminent désormais là où commencent les nouveaux.</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was imported.</source>
        <translation>Importation annulée. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Nothing was imported. {message}</source>
        <translation>Rien n&apos;a été importé. {message}</translation>
    </message>
    <message>
        <source>Lost track of the import: {message}</source>
        <translation>Suivi de l&apos;importation perdu : {message}</translation>
    </message>
</context>
<context>
    <name>RatesPage</name>
    <message>
        <source>Tariff</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarifs</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation>Par minute</translation>
    </message>
    <message>
        <source>Billing (s)</source>
        <translation>Facturation (s)</translation>
    </message>
    <message>
        <source>Connect fee</source>
        <translation>Frais de connexion</translation>
    </message>
    <message>
        <source>Valid from (UTC)</source>
        <translation>Valable à partir de (UTC)</translation>
    </message>
    <message>
        <source>Valid until (UTC)</source>
        <translation>Valable jusqu&apos;à (UTC)</translation>
    </message>
    <message>
        <source>{name} {percent}% (in the price)</source>
        <translation>{name} {percent} % (compris dans le prix)</translation>
    </message>
    <message>
        <source>{name} {percent}%</source>
        <translation>{name} {percent} %</translation>
    </message>
    <message>
        <source>Tax profile</source>
        <translation>Profil fiscal</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Free minutes</source>
        <translation>Minutes gratuites</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation>Préfixes</translation>
    </message>
    <message>
        <source>Tariffs and rates</source>
        <translation>Grilles et tarifs</translation>
    </message>
    <message>
        <source>Tax profiles</source>
        <translation>Profils fiscaux</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Forfaits</translation>
    </message>
    <message>
        <source>Band schedules</source>
        <translation>Calendriers de plages</translation>
    </message>
    <message>
        <source>Recurring fees</source>
        <translation>Frais récurrents</translation>
    </message>
    <message numerus="yes">
        <source>%n tariff(s)</source>
        <translation>
            <numerusform>%n grille</numerusform>
            <numerusform>%n grilles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tariff(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n grille affichée ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n grilles affichées ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No tariffs yet: add one with New tariff.</source>
        <translation>Pas encore de grille : ajoutez-en une avec Nouvelle grille.</translation>
    </message>
    <message>
        <source>New tariff…</source>
        <translation>Nouvelle grille…</translation>
    </message>
    <message>
        <source>Edit tariff…</source>
        <translation>Modifier la grille…</translation>
    </message>
    <message>
        <source>Delete tariff…</source>
        <translation>Supprimer le barème…</translation>
    </message>
    <message>
        <source>Import deck…</source>
        <translation>Importer une grille…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Blend from carriers…</source>
        <translation>Composer à partir des opérateurs…</translation>
    </message>
    <message>
        <source>Raise prices…</source>
        <translation>Augmenter les prix…</translation>
    </message>
    <message>
        <source>Filter by prefix, e.g. 44</source>
        <translation>Filtrer par préfixe, p. ex. 44</translation>
    </message>
    <message>
        <source>New rate…</source>
        <translation>Nouveau tarif…</translation>
    </message>
    <message>
        <source>Edit rate…</source>
        <translation>Modifier le tarif…</translation>
    </message>
    <message>
        <source>Delete rate…</source>
        <translation>Supprimer le tarif…</translation>
    </message>
    <message numerus="yes">
        <source>%n rate(s)</source>
        <translation>
            <numerusform>%n tarif</numerusform>
            <numerusform>%n tarifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rate(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n tarif affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n tarifs affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tax profile(s)</source>
        <translation>
            <numerusform>%n profil fiscal</numerusform>
            <numerusform>%n profils fiscaux</numerusform>
        </translation>
    </message>
    <message>
        <source>No tax profiles yet: add one with New tax profile.</source>
        <translation>Pas encore de profil fiscal : ajoutez-en un avec Nouveau profil fiscal.</translation>
    </message>
    <message>
        <source>New tax profile…</source>
        <translation>Nouveau profil fiscal…</translation>
    </message>
    <message>
        <source>Edit tax profile…</source>
        <translation>Modifier le profil fiscal…</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s)</source>
        <translation>
            <numerusform>%n forfait</numerusform>
            <numerusform>%n forfaits</numerusform>
        </translation>
    </message>
    <message>
        <source>No packages yet: add one with New package.</source>
        <translation>Pas encore de forfait : ajoutez-en un avec Nouveau forfait.</translation>
    </message>
    <message>
        <source>New package…</source>
        <translation>Nouveau forfait…</translation>
    </message>
    <message>
        <source>Edit package…</source>
        <translation>Modifier le forfait…</translation>
    </message>
    <message numerus="yes">
        <source>%n band schedule(s)</source>
        <translation>
            <numerusform>%n calendrier de plages</numerusform>
            <numerusform>%n calendriers de plages</numerusform>
        </translation>
    </message>
    <message>
        <source>No band schedules yet: add one with New band schedule, then choose it in a tariff.</source>
        <translation>Aucun calendrier de plages pour l’instant : ajoutez-en un avec Nouveau calendrier de plages, puis choisissez-le dans un barème.</translation>
    </message>
    <message>
        <source>New band schedule…</source>
        <translation>Nouveau calendrier de plages…</translation>
    </message>
    <message>
        <source>Edit band schedule…</source>
        <translation>Modifier le calendrier de plages…</translation>
    </message>
    <message>
        <source>Delete band schedule…</source>
        <translation>Supprimer le calendrier de plages…</translation>
    </message>
    <message>
        <source>Rates of {tariff}</source>
        <translation>Tarifs de {tariff}</translation>
    </message>
    <message>
        <source>Choose a tariff above to see its rates.</source>
        <translation>Choisissez une grille ci-dessus pour voir ses tarifs.</translation>
    </message>
    <message>
        <source>No rate of this tariff starts with {prefix}.</source>
        <translation>Aucun tarif de cette grille ne commence par {prefix}.</translation>
    </message>
    <message>
        <source>This tariff has no rates yet: import a deck or add a rate.</source>
        <translation>Cette grille n&apos;a pas encore de tarif : importez une grille ou ajoutez un tarif.</translation>
    </message>
    <message>
        <source>A prefix is digits only, like 44 or 4420.</source>
        <translation>Un préfixe ne contient que des chiffres, comme 44 ou 4420.</translation>
    </message>
    <message>
        <source>Delete tariff {tariff} and its {rates} rates? Calls are no longer rated with it.</source>
        <translation>Supprimer le barème {tariff} et ses {rates} tarifs ? Les appels ne sont plus tarifés avec lui.</translation>
    </message>
    <message>
        <source>Tariff {tariff} deleted.</source>
        <translation>Barème {tariff} supprimé.</translation>
    </message>
    <message>
        <source>Delete the rate of prefix {prefix} ({destination}) from {tariff}?</source>
        <translation>Supprimer le tarif du préfixe {prefix} ({destination}) de {tariff} ?</translation>
    </message>
    <message>
        <source>Rate {prefix} deleted.</source>
        <translation>Tarif {prefix} supprimé.</translation>
    </message>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Blended {priced} prefixes from {carriers}.</source>
        <translation>{priced} préfixes composés à partir de {carriers}.</translation>
    </message>
    <message>
        <source>Skipped (switched off): {names}.</source>
        <translation>Ignorés (désactivés) : {names}.</translation>
    </message>
    <message>
        <source>No carrier covers {count} prefix(es): {prefixes}</source>
        <translation>Aucun opérateur ne couvre {count} préfixe(s) : {prefixes}</translation>
    </message>
    <message>
        <source>{rates} rates repriced by {percent} %.</source>
        <translation>{rates} tarifs modifiés de {percent} %.</translation>
    </message>
    <message>
        <source>Export {tariff}</source>
        <translation>Exporter {tariff}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting {tariff}…</source>
        <translation>Exportation de {tariff}…</translation>
    </message>
    <message>
        <source>Saved {tariff} ({rates} rates, {size} bytes) to {file}.</source>
        <translation>{tariff} enregistrée ({rates} tarifs, {size} octets) dans {file}.</translation>
    </message>
    <message>
        <source>Could not export {tariff}: {message}</source>
        <translation>Impossible d&apos;exporter {tariff} : {message}</translation>
    </message>
    <message>
        <source>Delete band schedule {name}?</source>
        <translation>Supprimer le calendrier de plages {name} ?</translation>
    </message>
    <message>
        <source>Band schedule {name} deleted.</source>
        <translation>Calendrier de plages {name} supprimé.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Ajout…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Call records</source>
        <translation>Enregistrements d’appels</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Trafic</translation>
    </message>
</context>
<context>
    <name>ResellerTaxesDialog</name>
    <message>
        <source>Taxes of {name}</source>
        <translation>Taxes de {name}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Saving the taxes…</source>
        <translation>Enregistrement des taxes…</translation>
    </message>
</context>
<context>
    <name>ResellerTreeModel</name>
    <message>
        <source>Reseller</source>
        <translation>Revendeur</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Limite de crédit</translation>
    </message>
</context>
<context>
    <name>Resellers</name>
    <message>
        <source>Usage based</source>
        <translation>Selon l&apos;usage</translation>
    </message>
    <message>
        <source>Payment based</source>
        <translation>Selon les paiements</translation>
    </message>
    <message>
        <source>White label</source>
        <translation>Marque blanche</translation>
    </message>
    <message>
        <source>PIN-less</source>
        <translation>Sans code PIN</translation>
    </message>
    <message>
        <source>Percent of sales</source>
        <translation>Pourcentage des ventes</translation>
    </message>
    <message>
        <source>Percent of margin</source>
        <translation>Pourcentage de la marge</translation>
    </message>
    <message>
        <source>Amount per minute</source>
        <translation>Montant par minute</translation>
    </message>
    <message>
        <source>No taxes on its statement</source>
        <translation>Pas de taxes sur son relevé</translation>
    </message>
</context>
<context>
    <name>ResellersPage</name>
    <message>
        <source>Basis</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation>Par minute</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New reseller…</source>
        <translation>Nouveau revendeur…</translation>
    </message>
    <message>
        <source>Add sub-reseller…</source>
        <translation>Ajouter un sous-revendeur…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Limite de crédit</translation>
    </message>
    <message>
        <source>Sub-resellers</source>
        <translation>Sous-revendeurs</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation>Nom de marque</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Agent PIN</source>
        <translation>Code PIN d&apos;agent</translation>
    </message>
    <message>
        <source>Sell tariff…</source>
        <translation>Tarif de vente…</translation>
    </message>
    <message>
        <source>A white-label reseller&apos;s own sell tariff: its buy tariff with a markup</source>
        <translation>Le tarif de vente propre d’un revendeur en marque blanche : son tarif d’achat avec une marge</translation>
    </message>
    <message>
        <source>Logo…</source>
        <translation>Logo…</translation>
    </message>
    <message>
        <source>A white-label reseller&apos;s logo, printed on its customers&apos; documents and its own statement</source>
        <translation>Le logo d’un revendeur en marque blanche, imprimé sur les documents de ses clients et sur son propre relevé</translation>
    </message>
    <message>
        <source>New agent PIN…</source>
        <translation>Nouveau code PIN d&apos;agent…</translation>
    </message>
    <message>
        <source>The PIN a retail store&apos;s clerk keys in the IVR to recharge its PIN-less customers from its balance</source>
        <translation>Le code PIN que le vendeur d&apos;un magasin compose dans le SVI pour recharger, sur le solde du magasin, ses clients sans code PIN</translation>
    </message>
    <message>
        <source>Taxes…</source>
        <translation>Taxes…</translation>
    </message>
    <message>
        <source>The tax profile its statement prints</source>
        <translation>Le profil de taxes que son relevé imprime</translation>
    </message>
    <message>
        <source>Commission rules</source>
        <translation>Règles de commission</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>Relevé…</translation>
    </message>
    <message>
        <source>No reseller chosen</source>
        <translation>Aucun revendeur choisi</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>issued {when}</source>
        <translation>émis le {when}</translation>
    </message>
    <message>
        <source>Taxes of {name} saved.</source>
        <translation>Taxes de {name} enregistrées.</translation>
    </message>
    <message>
        <source>Sell tariff {name} saved (rates: {count}).</source>
        <translation>Tarif de vente {name} enregistré (tarifs : {count}).</translation>
    </message>
    <message>
        <source>Reseller {name} created.</source>
        <translation>Revendeur {name} créé.</translation>
    </message>
    <message>
        <source>Could not load resellers: {message}</source>
        <translation>Impossible de charger les revendeurs : {message}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No resellers yet: add one with “New reseller…”.</source>
        <translation>Aucun revendeur pour l&apos;instant : ajoutez-en un avec « Nouveau revendeur… ».</translation>
    </message>
    <message>
        <source>No reseller to show.</source>
        <translation>Aucun revendeur à afficher.</translation>
    </message>
    <message>
        <source>Expand a reseller to see its sub-resellers.</source>
        <translation>Dépliez un revendeur pour voir ses sous-revendeurs.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>Changing the role…</source>
        <translation>Changement du rôle…</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendeur</translation>
    </message>
</context>
<context>
    <name>RouteCarriersTable</name>
    <message>
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Épinglé</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Exclu</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>New route in {plan}</source>
        <translation>Nouvelle route dans {plan}</translation>
    </message>
    <message>
        <source>Route {prefix} in {plan}</source>
        <translation>Route {prefix} dans {plan}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>digits; empty = every number</source>
        <translation>chiffres ; vide = tous les numéros</translation>
    </message>
    <message>
        <source>Blocked: refuse calls to this prefix</source>
        <translation>Bloquée : refuser les appels vers ce préfixe</translation>
    </message>
    <message>
        <source>Allow routing at a loss</source>
        <translation>Autoriser l&apos;acheminement à perte</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source>Least margin, %</source>
        <translation>Marge minimale, %</translation>
    </message>
    <message>
        <source>Least margin per minute</source>
        <translation>Marge minimale par minute</translation>
    </message>
    <message>
        <source>Choose a carrier to add</source>
        <translation>Choisissez un opérateur à ajouter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <source>Saving the route…</source>
        <translation>Enregistrement de la route…</translation>
    </message>
</context>
<context>
    <name>RoutesList</name>
    <message>
        <source>Prefix starts with…</source>
        <translation>Le préfixe commence par…</translation>
    </message>
    <message>
        <source>New route…</source>
        <translation>Nouvelle route…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Route {prefix} saved.</source>
        <translation>Route {prefix} enregistrée.</translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>%n route</numerusform>
            <numerusform>%n routes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n route affichée ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n routes affichées ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a dial plan to see its routes.</source>
        <translation>Choisissez un plan de numérotation pour voir ses routes.</translation>
    </message>
    <message>
        <source>No route prefix starts with these digits.</source>
        <translation>Aucun préfixe de route ne commence par ces chiffres.</translation>
    </message>
    <message>
        <source>No routes yet: add one with “New route…” (an empty prefix catches every number).</source>
        <translation>Aucune route pour l&apos;instant : ajoutez-en une avec « Nouvelle route… » (un préfixe vide couvre tous les numéros).</translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <source>Least cost</source>
        <translation>Moindre coût</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Pondérée</translation>
    </message>
    <message>
        <source>E.164 (international)</source>
        <translation>E.164 (international)</translation>
    </message>
    <message>
        <source>National</source>
        <translation>National</translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation>Tarif d&apos;achat</translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation>Plan de numérotation</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
</context>
<context>
    <name>SellTariffDialog</name>
    <message>
        <source>Sell tariff of {name}</source>
        <translation>Tarif de vente de {name}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>prefix=percent, e.g. 44=35; 4420=10</source>
        <translation>préfixe=pourcentage, p. ex. 44=35; 4420=10</translation>
    </message>
    <message>
        <source>Allow selling below cost (a negative markup)</source>
        <translation>Autoriser la vente à perte (une marge négative)</translation>
    </message>
    <message>
        <source>Markup %</source>
        <translation>Marge %</translation>
    </message>
    <message>
        <source>Markup per prefix</source>
        <translation>Marge par préfixe</translation>
    </message>
    <message>
        <source>write each as prefix=percent: {part}</source>
        <translation>écrivez chacun sous la forme préfixe=pourcentage : {part}</translation>
    </message>
    <message>
        <source>Pricing the sell tariff…</source>
        <translation>Calcul du tarif de vente…</translation>
    </message>
</context>
<context>
    <name>ServiceManager</name>
    <message>
        <source>SIP switch</source>
        <translation>Commutateur SIP</translation>
    </message>
    <message>
        <source>RADIUS server</source>
        <translation>Serveur RADIUS</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>API HTTP</translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation>Sauvegardes planifiées</translation>
    </message>
    <message>
        <source>E-mail notifications</source>
        <translation>Notifications par e-mail</translation>
    </message>
    <message>
        <source>Node lease</source>
        <translation>Bail du nœud</translation>
    </message>
    <message>
        <source>Cluster duties</source>
        <translation>Tâches du cluster</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en marche</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>arrêt en cours</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>lease ran out</source>
        <translation>bail expiré</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
</context>
<context>
    <name>ServiceManagerPage</name>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <source>Restart…</source>
        <translation>Redémarrer…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>Adresse SIP</translation>
    </message>
    <message>
        <source>Lease until</source>
        <translation>Bail jusqu’à</translation>
    </message>
    <message>
        <source>Calls settled by</source>
        <translation>Appels réglés par</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Faite</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Enregistrer une copie…</translation>
    </message>
    <message>
        <source>Lines containing…</source>
        <translation>Lignes contenant…</translation>
    </message>
    <message>
        <source>Every level</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Service log</source>
        <translation>Journal du service</translation>
    </message>
    <message>
        <source>Switch nodes on this database</source>
        <translation>Nœuds de commutation sur cette base</translation>
    </message>
    <message>
        <source>Carrierdesk {version}, database schema {revision}, running since {since}</source>
        <translation>Carrierdesk {version}, schéma de base {revision}, en marche depuis {since}</translation>
    </message>
    <message>
        <source>runs them</source>
        <translation>les exécute</translation>
    </message>
    <message>
        <source>The cluster&apos;s duties: scheduled backups, the mail outbox, the monthly statements and recurring fees, run by one node at a time</source>
        <translation>Les tâches du cluster : sauvegardes planifiées, file d’envoi du courriel, relevés mensuels et frais récurrents, exécutées par un seul nœud à la fois</translation>
    </message>
    <message>
        <source>every {hours} h</source>
        <translation>toutes les {hours} h</translation>
    </message>
    <message>
        <source>none scheduled</source>
        <translation>aucune planifiée</translation>
    </message>
    <message>
        <source>In {folder} ({every}, the last {keep} kept)</source>
        <translation>Dans {folder} ({every}, les {keep} dernières gardées)</translation>
    </message>
    <message>
        <source>Restarting the SIP switch ends the calls in progress.</source>
        <translation>Redémarrer le commutateur SIP coupe les appels en cours.</translation>
    </message>
    <message>
        <source>Calls in progress go on while it restarts.</source>
        <translation>Les appels en cours continuent pendant le redémarrage.</translation>
    </message>
    <message>
        <source>Restart {name}</source>
        <translation>Redémarrer {name}</translation>
    </message>
    <message>
        <source>Restart {name}?</source>
        <translation>Redémarrer {name} ?</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Restarting {name}…</source>
        <translation>Redémarrage de {name}…</translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation>Redémarrage…</translation>
    </message>
    <message>
        <source>{name} restarted.</source>
        <translation>{name} redémarré.</translation>
    </message>
    <message>
        <source>Backing up while calls go on…</source>
        <translation>Sauvegarde pendant que les appels continuent…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Replace all the service&apos;s data with {name}? The SIP switch and RADIUS stop meanwhile (calls in progress end); the current data is backed up first. Everyone signs in again afterwards.</source>
        <translation>Remplacer toutes les données du service par {name} ? Le commutateur SIP et RADIUS s&apos;arrêtent pendant ce temps (les appels en cours se terminent) ; les données actuelles sont sauvegardées d&apos;abord. Chacun se reconnecte ensuite.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restoring {name}…</source>
        <translation>Restauration de {name}…</translation>
    </message>
    <message>
        <source>Restored {name} ({rows} rows, every checksum equal). Sign in again with a user of that backup (Session → Switch user…).</source>
        <translation>{name} restaurée ({rows} lignes, toutes les sommes de contrôle égales). Reconnectez-vous avec un utilisateur de cette sauvegarde (Session → Changer d&apos;utilisateur…).</translation>
    </message>
    <message>
        <source>Backup {name} made.</source>
        <translation>Sauvegarde {name} faite.</translation>
    </message>
    <message>
        <source>Save a copy of the backup</source>
        <translation>Enregistrer une copie de la sauvegarde</translation>
    </message>
    <message>
        <source>Carrierdesk backups (*.cdbackup);;All files (*)</source>
        <translation>Sauvegardes Carrierdesk (*.cdbackup);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} enregistré.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>{count} lines of {path}</source>
        <translation>{count} lignes de {path}</translation>
    </message>
</context>
<context>
    <name>ServiceStartDialog</name>
    <message>
        <source>Carrierdesk</source>
        <translation>Carrierdesk</translation>
    </message>
    <message>
        <source>What the service said:</source>
        <translation>Ce qu’a dit le service :</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Interrogation du service…</translation>
    </message>
    <message>
        <source>No Carrierdesk service answers at {url}.</source>
        <translation>Aucun service Carrierdesk ne répond à {url}.</translation>
    </message>
    <message>
        <source>Starting the Carrierdesk service on this computer (its data: {folder})…</source>
        <translation>Démarrage du service Carrierdesk sur cet ordinateur (ses données : {folder})…</translation>
    </message>
    <message>
        <source>The service&apos;s database could not be prepared.</source>
        <translation>La base de données du service n’a pas pu être préparée.</translation>
    </message>
    <message>
        <source>The service on this computer stopped while starting.</source>
        <translation>Le service de cet ordinateur s’est arrêté au démarrage.</translation>
    </message>
    <message>
        <source>The service on this computer did not answer in time.</source>
        <translation>Le service de cet ordinateur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Another Carrierdesk installation answers at {url} (its database: {where}). It is not this computer&apos;s service, so Carrierdesk does not use it. Stop that service, or give this computer&apos;s service another port with: carrier-switch config set api_port NUMBER</source>
        <translation>Une autre installation de Carrierdesk répond à {url} (sa base de données : {where}). Ce n’est pas le service de cet ordinateur : Carrierdesk ne l’utilise donc pas. Arrêtez ce service, ou donnez un autre port au service de cet ordinateur avec : carrier-switch config set api_port NUMÉRO</translation>
    </message>
    <message>
        <source>The service on this computer cannot start: its config file has a problem.</source>
        <translation>Le service de cet ordinateur ne peut pas démarrer : son fichier de configuration pose problème.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Service address</source>
        <translation>Adresse du service</translation>
    </message>
    <message>
        <source>The Carrierdesk service this desktop signs in to, e.g. http://127.0.0.1:8470. Used from the next start.</source>
        <translation>Le service Carrierdesk auquel ce poste se connecte, p. ex. http://127.0.0.1:8470. Utilisée dès le prochain démarrage.</translation>
    </message>
    <message>
        <source>Remembered user name</source>
        <translation>Nom d&apos;utilisateur mémorisé</translation>
    </message>
    <message>
        <source>Filled in at sign-in. Leave it empty to forget it.</source>
        <translation>Prérempli à la connexion. Laissez-le vide pour l&apos;oublier.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Stored when chosen; applies from the next start.</source>
        <translation>Enregistrée dès qu&apos;elle est choisie ; s&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <source>On receipts and statements</source>
        <translation>Sur les reçus et les relevés</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>ISO 4217 code of the money you bill in (USD, EUR, …): new accounts, tariffs and cards take it</source>
        <translation>Code ISO 4217 de la devise de facturation (USD, EUR, …) : les nouveaux comptes, tarifs et cartes la prennent</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Reports, daily caps, peak hours and recurring fees of new accounts follow it</source>
        <translation>Les rapports, plafonds journaliers, heures pleines et frais récurrents des nouveaux comptes le suivent</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Printed under the company name on statements and invoices</source>
        <translation>Imprimée sous le nom de l’entreprise sur les relevés et les factures</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Ask the service at this address who it is</source>
        <translation>Demander au service à cette adresse qui il est</translation>
    </message>
    <message>
        <source>Settings of this desktop</source>
        <translation>Paramètres de ce poste</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Settings of the service&apos;s machine (ports, database) are kept there: carrier-switch config show lists them, carrier-switch config set changes one.</source>
        <translation>Les réglages de la machine du service (ports, base de données) sont conservés sur celle-ci : carrier-switch config show les affiche, carrier-switch config set en change un.</translation>
    </message>
    <message>
        <source>Enter the address of the Carrierdesk service.</source>
        <translation>Saisissez l&apos;adresse du service Carrierdesk.</translation>
    </message>
    <message>
        <source>Saved. The desktop uses them from its next start.</source>
        <translation>Enregistré. Le poste les utilisera dès son prochain démarrage.</translation>
    </message>
    <message>
        <source>Asking {url}…</source>
        <translation>Interrogation de {url}…</translation>
    </message>
    <message>
        <source>Carrierdesk {version} answers at {url} ({database}).</source>
        <translation>Carrierdesk {version} répond à {url} ({database}).</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Carrierdesk</source>
        <translation>Connexion à Carrierdesk</translation>
    </message>
    <message>
        <source>Address of the Carrierdesk service (started with carrier-switch)</source>
        <translation>Adresse du service Carrierdesk (démarré avec carrier-switch)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Enter the address of the Carrierdesk service.</source>
        <translation>Saisissez l’adresse du service Carrierdesk.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>StatementPicker</name>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>The month&apos;s statement in this computer&apos;s PDF viewer</source>
        <translation>Le relevé du mois dans la visionneuse PDF de cet ordinateur</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>The month&apos;s statement as a PDF file</source>
        <translation>Le relevé du mois en fichier PDF</translation>
    </message>
    <message>
        <source>Send by e-mail</source>
        <translation>Envoyer par e-mail</translation>
    </message>
    <message>
        <source>The month&apos;s statement to the address on record, the PDF attached</source>
        <translation>Le relevé du mois à l&apos;adresse enregistrée, PDF joint</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Mois :</translation>
    </message>
    <message>
        <source>{month} (so far)</source>
        <translation>{month} (en cours)</translation>
    </message>
    <message>
        <source>Save statement</source>
        <translation>Enregistrer le relevé</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>Impossible d’écrire {path} : {reason}</translation>
    </message>
    <message>
        <source>Statement of {month} saved to {path}</source>
        <translation>Relevé de {month} enregistré dans {path}</translation>
    </message>
    <message>
        <source>Statement {number} goes to {address} by e-mail</source>
        <translation>Le relevé {number} part à {address} par e-mail</translation>
    </message>
    <message>
        <source>Sending the statement…</source>
        <translation>Envoi du relevé…</translation>
    </message>
    <message>
        <source>Statement of {month} opened ({path})</source>
        <translation>Relevé de {month} ouvert ({path})</translation>
    </message>
    <message>
        <source>Rendering the statement…</source>
        <translation>Préparation du relevé…</translation>
    </message>
</context>
<context>
    <name>Statements</name>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Relevé</translation>
    </message>
    <message>
        <source>Reseller statement</source>
        <translation>Relevé de revendeur</translation>
    </message>
</context>
<context>
    <name>TariffDialog</name>
    <message>
        <source>New tariff</source>
        <translation>Nouvelle grille</translation>
    </message>
    <message>
        <source>Tariff {name}</source>
        <translation>Grille {name}</translation>
    </message>
    <message>
        <source>None: one price at all hours</source>
        <translation>Aucun : un seul prix à toute heure</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sell: what customers pay. Buy: what a carrier charges us.</source>
        <translation>Vente : ce que paient les clients. Achat : ce qu&apos;un opérateur nous facture.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>company currency</source>
        <translation>devise de l&apos;entreprise</translation>
    </message>
    <message>
        <source>Band schedule</source>
        <translation>Calendrier des plages</translation>
    </message>
    <message>
        <source>The peak, off-peak, weekend and holiday hours of the rates&apos; band prices</source>
        <translation>Les heures pleines, creuses, de week-end et fériées des prix par plage des tarifs</translation>
    </message>
</context>
<context>
    <name>TariffJobDialog</name>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé : rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>TaxProfileDialog</name>
    <message>
        <source>New tax profile</source>
        <translation>Nouveau profil fiscal</translation>
    </message>
    <message>
        <source>Tax profile {name}</source>
        <translation>Profil fiscal {name}</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Taxe</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>In the price</source>
        <translation>Dans le prix</translation>
    </message>
    <message>
        <source>Ticked: the tax is already in the price. Unticked: added on top.</source>
        <translation>Coché : la taxe est déjà dans le prix. Non coché : elle s&apos;y ajoute.</translation>
    </message>
    <message>
        <source>Add tax</source>
        <translation>Ajouter une taxe</translation>
    </message>
    <message>
        <source>Remove tax</source>
        <translation>Retirer la taxe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
</context>
<context>
    <name>TestCallDialog</name>
    <message>
        <source>Place test call</source>
        <translation>Appel de test</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>numéro de compte</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Bill to account</source>
        <translation>Facturer au compte</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>Numéro à appeler</translation>
    </message>
    <message>
        <source>Talk for</source>
        <translation>Parler pendant</translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation>Appel en cours…</translation>
    </message>
</context>
<context>
    <name>TrafficTab</name>
    <message>
        <source>Run report</source>
        <translation>Lancer le rapport</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Grouper par</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>ASR</source>
        <translation>ASR</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendeur</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>ASR %</source>
        <translation>ASR %</translation>
    </message>
    <message>
        <source>ACD (seconds)</source>
        <translation>ACD (secondes)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Chiffre d’affaires</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Bénéfice</translation>
    </message>
    <message>
        <source>Choose a grouping and a range, then run the report.</source>
        <translation>Choisissez un regroupement et une période, puis lancez le rapport.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondus</translation>
    </message>
    <message>
        <source>ACD (s)</source>
        <translation>ACD (s)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No calls in this range.</source>
        <translation>Aucun appel sur cette période.</translation>
    </message>
    <message>
        <source>{calls} calls, {minutes} minutes in total</source>
        <translation>{calls} appels, {minutes} minutes au total</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>TrunkDialog</name>
    <message>
        <source>New trunk</source>
        <translation>Nouveau trunk</translation>
    </message>
    <message>
        <source>Trunk {name}</source>
        <translation>Trunk {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>numéro de compte</translation>
    </message>
    <message>
        <source>e.g. 203.0.113.10</source>
        <translation>p. ex. 203.0.113.10</translation>
    </message>
    <message>
        <source>stored; type a new one to replace it</source>
        <translation>enregistré ; tapez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>au moins 8 caractères</translation>
    </message>
    <message>
        <source>the numbers it sends</source>
        <translation>les numéros qu&apos;il envoie</translation>
    </message>
    <message>
        <source>Takes calls</source>
        <translation>Reçoit des appels</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Account (billed)</source>
        <translation>Compte (facturé)</translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation>Reconnu par</translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation>IP source</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Calls per second</source>
        <translation>Appels par seconde</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Where calls to the trunk&apos;s DIDs are delivered</source>
        <translation>Où sont livrés les appels vers les SDA du trunk</translation>
    </message>
    <message>
        <source>Calls from this address are the trunk&apos;s</source>
        <translation>Les appels venant de cette adresse sont ceux du trunk</translation>
    </message>
    <message>
        <source>Adding the trunk…</source>
        <translation>Ajout du trunk…</translation>
    </message>
    <message>
        <source>Saving the trunk…</source>
        <translation>Enregistrement du trunk…</translation>
    </message>
</context>
<context>
    <name>TrunksModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation>Reconnu par</translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation>IP source</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>CPS</source>
        <translation>APS</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
</context>
<context>
    <name>TrunksTab</name>
    <message>
        <source>Name contains…</source>
        <translation>Le nom contient…</translation>
    </message>
    <message>
        <source>Add trunk…</source>
        <translation>Ajouter un trunk…</translation>
    </message>
    <message>
        <source>Trunk {name} saved.</source>
        <translation>Trunk {name} enregistré.</translation>
    </message>
    <message>
        <source>Delete trunk</source>
        <translation>Supprimer le trunk</translation>
    </message>
    <message>
        <source>Delete trunk {name}?</source>
        <translation>Supprimer le trunk {name} ?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting the trunk…</source>
        <translation>Suppression du trunk…</translation>
    </message>
    <message>
        <source>Trunk {name} deleted.</source>
        <translation>Trunk {name} supprimé.</translation>
    </message>
    <message numerus="yes">
        <source>%n trunk(s)</source>
        <translation>
            <numerusform>%n trunk</numerusform>
            <numerusform>%n trunks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trunk(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n trunk affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n trunks affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer trunks yet: add a customer&apos;s PBX or switch with “Add trunk…”.</source>
        <translation>Pas encore de trunk client : ajoutez l&apos;autocommutateur ou le switch d&apos;un client avec « Ajouter un trunk… ».</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Reseller</source>
        <translation>Revendeur</translation>
    </message>
    <message>
        <source>Choose the user&apos;s reseller</source>
        <translation>Choisissez le revendeur de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>au moins {count} caractères</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation>Revendeur</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No (deactivated)</source>
        <translation>Non (désactivé)</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>User name contains…</source>
        <translation>Le nom d&apos;utilisateur contient…</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Tous les rôles</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Nouvel utilisateur…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Changer le rôle…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Désactiver…</translation>
    </message>
    <message>
        <source>User {name} added: they can sign in now.</source>
        <translation>Utilisateur {name} ajouté : il peut se connecter dès maintenant.</translation>
    </message>
    <message>
        <source>{name} is now: {role}.</source>
        <translation>{name} est désormais : {role}.</translation>
    </message>
    <message>
        <source>Password of {name} reset; their other sessions are signed out.</source>
        <translation>Mot de passe de {name} réinitialisé ; ses autres sessions sont fermées.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Désactiver l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Deactivate {name}? They are signed out at once and cannot sign in until reactivated.</source>
        <translation>Désactiver {name} ? Il est déconnecté immédiatement et ne peut plus se connecter avant d&apos;être réactivé.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name} peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>{name} is deactivated and signed out.</source>
        <translation>{name} est désactivé et déconnecté.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n utilisateur</numerusform>
            <numerusform>%n utilisateurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n utilisateur affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n utilisateurs affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No user matches these filters.</source>
        <translation>Aucun utilisateur ne correspond à ces filtres.</translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <source>Generate vouchers</source>
        <translation>Générer des bons</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>e.g. a campaign, to find them by</source>
        <translation>p. ex. une campagne, pour les retrouver</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valables jusqu&apos;au</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Bons</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Only for accounts of</source>
        <translation>Seulement pour les comptes de</translation>
    </message>
    <message>
        <source>These codes are shown only now: copy or save them before you close this window. Each one is worth its value to whoever types it.</source>
        <translation>Ces codes ne sont montrés que maintenant : copiez-les ou enregistrez-les avant de fermer cette fenêtre. Chacun vaut sa valeur pour qui le tape.</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Tout copier</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Making the vouchers…</source>
        <translation>Création des bons…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Save the voucher codes</source>
        <translation>Enregistrer les codes des bons</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>Impossible d&apos;enregistrer {path} : {reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
</context>
<context>
    <name>VouchersModel</name>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Utilisé par</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;au</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Créé (UTC)</translation>
    </message>
</context>
<context>
    <name>VouchersTab</name>
    <message>
        <source>All vouchers</source>
        <translation>Tous les bons</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>Pas encore utilisés</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisés</translation>
    </message>
    <message>
        <source>Generate vouchers…</source>
        <translation>Générer des bons…</translation>
    </message>
    <message>
        <source>voucher code</source>
        <translation>code du bon</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>numéro de compte</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Redeem a code onto an account:</source>
        <translation>Créditer un code sur un compte :</translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s) made.</source>
        <translation>
            <numerusform>%n bon créé.</numerusform>
            <numerusform>%n bons créés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the voucher&apos;s code and the number of the account to credit.</source>
        <translation>Tapez le code du bon et le numéro du compte à créditer.</translation>
    </message>
    <message>
        <source>Redeeming the voucher…</source>
        <translation>Utilisation du bon…</translation>
    </message>
    <message>
        <source>{amount} credited to account {number} (receipt {receipt}); its balance is now {balance}.</source>
        <translation>{amount} crédités sur le compte {number} (reçu {receipt}) ; son solde est maintenant de {balance}.</translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s)</source>
        <translation>
            <numerusform>%n bon</numerusform>
            <numerusform>%n bons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n bon affiché ; faites défiler pour en voir plus</numerusform>
            <numerusform>%n bons affichés ; faites défiler pour en voir plus</numerusform>
        </translation>
    </message>
    <message>
        <source>No voucher matches this filter.</source>
        <translation>Aucun bon ne correspond à ce filtre.</translation>
    </message>
    <message>
        <source>No vouchers yet: make some with “Generate vouchers…”.</source>
        <translation>Pas encore de bons : créez-en avec « Générer des bons… ».</translation>
    </message>
    <message>
        <source>No vouchers yet.</source>
        <translation>Pas encore de bons.</translation>
    </message>
</context>
<context>
    <name>WelcomeField</name>
    <message>
        <source>Welcome prompt…</source>
        <translation>Message d’accueil…</translation>
    </message>
    <message>
        <source>Choose a WAV or MP3 recording callers on this access number hear instead of the standard welcome (converted to 8 kHz mono)</source>
        <translation>Choisir un enregistrement WAV ou MP3 que les appelants de ce numéro d’accès entendent à la place de l’accueil standard (converti en 8 kHz mono)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>the standard welcome (add the DID, then open it to record its own)</source>
        <translation>l’accueil standard (ajoutez le DID, puis ouvrez-le pour lui donner son propre enregistrement)</translation>
    </message>
    <message>
        <source>its own recording</source>
        <translation>son propre enregistrement</translation>
    </message>
    <message>
        <source>the standard welcome</source>
        <translation>l’accueil standard</translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation>Choisir un enregistrement</translation>
    </message>
    <message>
        <source>Recordings (*.wav *.mp3);;All files (*)</source>
        <translation>Enregistrements (*.wav *.mp3);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>Impossible de lire {file} : {reason}</translation>
    </message>
    <message>
        <source>{file} was not taken: {reason}</source>
        <translation>{file} n’a pas été accepté : {reason}</translation>
    </message>
    <message>
        <source>Sending the recording…</source>
        <translation>Envoi de l’enregistrement…</translation>
    </message>
    <message>
        <source>Your {kind} recording ({seconds:.1f} s, converted to 8 kHz mono) welcomes the next caller.</source>
        <translation>Votre enregistrement {kind} ({seconds:.1f} s, converti en 8 kHz mono) accueille le prochain appelant.</translation>
    </message>
    <message>
        <source>Removing the recording…</source>
        <translation>Retrait de l’enregistrement…</translation>
    </message>
    <message>
        <source>The standard welcome plays again from the next call.</source>
        <translation>L’accueil standard est de nouveau joué dès le prochain appel.</translation>
    </message>
</context>
<context>
    <name>_UserChangeDialog</name>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
</context>
</TS>
