<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <source>Receipt {receipt}: {kind} of {amount} {currency}. New balance: {balance} {currency}.</source>
        <translation>Reçu {receipt} : {kind} de {amount} {currency}. Nouveau solde : {balance} {currency}.</translation>
    </message>
    <message>
        <source>{number} — {name}</source>
        <translation>{number} — {name}</translation>
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
        <source>Statements are not available yet: they come with a later version of Carrierdesk. Until then, the Calls tab exports this account&apos;s calls as CSV and the Payments tab lists its payments with their receipt numbers.</source>
        <translation>Les relevés ne sont pas encore disponibles : ils arriveront avec une version ultérieure de Carrierdesk. En attendant, l&apos;onglet Appels exporte les appels de ce compte en CSV et l&apos;onglet Paiements liste ses paiements avec leurs numéros de reçu.</translation>
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
        <source>The two passwords differ: type the same password twice.</source>
        <translation>Les deux mots de passe diffèrent : saisissez deux fois le même mot de passe.</translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation>Création de l’administrateur…</translation>
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
        <source>down (circuit breaker open)</source>
        <translation>en panne (disjoncteur ouvert)</translation>
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
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Actif</translation>
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
        <source>Today (UTC)</source>
        <translation>Aujourd’hui (UTC)</translation>
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
        <source>No calls yet today.</source>
        <translation>Pas encore d’appels aujourd’hui.</translation>
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
        <source>the standard welcome</source>
        <translation>l&apos;accueil standard</translation>
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
        <source>Welcome prompt</source>
        <translation>Message d&apos;accueil</translation>
    </message>
    <message>
        <source>Prompt language</source>
        <translation>Langue des messages</translation>
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
        <source>Hang up the call from {caller} to {destination}? Both sides are cut off now.</source>
        <translation>Raccrocher l’appel de {caller} vers {destination} ? Les deux côtés sont coupés immédiatement.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <source>Call {call} hung up.</source>
        <translation>Appel {call} raccroché.</translation>
    </message>
    <message>
        <source>The call was not hung up: {message}</source>
        <translation>L’appel n’a pas été raccroché : {message}</translation>
    </message>
    <message>
        <source>Hanging up…</source>
        <translation>Raccrochage…</translation>
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
        <source>Signed in as {user} ({role})</source>
        <translation>Connecté en tant que {user} ({role})</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>company currency</source>
        <translation>devise de l’entreprise</translation>
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
        <source>Currency</source>
        <translation>Devise</translation>
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
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>{field}: {text} is not an amount</source>
        <translation>{field}&#xa0;: {text} n’est pas un montant</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Création du compte…</translation>
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
        <source>Free seconds per period</source>
        <translation>Secondes gratuites par période</translation>
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
        <source>Disconnect fee below (s)</source>
        <translation>Frais de déconnexion en dessous de (s)</translation>
    </message>
    <message>
        <source>0: the disconnect fee always applies; else only to calls shorter than this</source>
        <translation>0 : les frais de déconnexion s&apos;appliquent toujours ; sinon seulement aux appels plus courts que cela</translation>
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
        <source>Imported {rows} rates; {closed} earlier rates now end where they start.</source>
        <translation>{rows} tarifs importés ; {closed} tarifs précédents se terminent désormais là où ceux-ci commencent.</translation>
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
        <source>Free seconds</source>
        <translation>Secondes gratuites</translation>
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
        <source>Import deck…</source>
        <translation>Importer une grille…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
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
        <source>Commission rules</source>
        <translation>Règles de commission</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Relevés</translation>
    </message>
    <message>
        <source>Not available yet: reseller statements come with a later version of Carrierdesk.</source>
        <translation>Pas encore disponible : les relevés des revendeurs arrivent dans une version ultérieure de Carrierdesk.</translation>
    </message>
    <message>
        <source>No reseller chosen</source>
        <translation>Aucun revendeur choisi</translation>
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
        <source>Carrier</source>
        <translation>Opérateur</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>No service answers</source>
        <translation>Aucun service ne répond</translation>
    </message>
    <message>
        <source>No Carrierdesk service answers at {url}.</source>
        <translation>Aucun service Carrierdesk ne répond à l’adresse {url}.</translation>
    </message>
    <message>
        <source>Start the service on this computer: it keeps its data in a database file in your user folder, and it stops when you close Carrierdesk.</source>
        <translation>Démarrez le service sur cet ordinateur : il garde ses données dans un fichier de base de données de votre dossier utilisateur et s’arrête quand vous fermez Carrierdesk.</translation>
    </message>
    <message>
        <source>That address is another computer: start the service there, then try again.</source>
        <translation>Cette adresse est un autre ordinateur : démarrez-y le service, puis réessayez.</translation>
    </message>
    <message>
        <source>Start the local service</source>
        <translation>Démarrer le service local</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Preparing the database…</source>
        <translation>Préparation de la base de données…</translation>
    </message>
    <message>
        <source>Starting the service…</source>
        <translation>Démarrage du service…</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Interrogation du service…</translation>
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
        <source>Settings of the service itself (company currency, ports, database) are kept on the service&apos;s machine: carrier-switch config show lists them, carrier-switch config set changes one.</source>
        <translation>Les paramètres du service lui-même (devise de l&apos;entreprise, ports, base de données) sont conservés sur la machine du service : carrier-switch config show les liste, carrier-switch config set en modifie un.</translation>
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
        <source>{amount} {currency} credited to account {number} (receipt {receipt}); its balance is now {balance} {currency}.</source>
        <translation>{amount} {currency} crédités sur le compte {number} (reçu {receipt}) ; son solde est maintenant de {balance} {currency}.</translation>
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
