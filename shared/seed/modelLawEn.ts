import type { DocJSON } from '../schema'
import { createBuilders } from './builders'

/**
 * English version of the sample model law. Written for this project; not the wording of any
 * real law. Numbers (chapters, articles, paragraphs, points) are derived by the editor and are
 * never typed here. Keep the structure in step with modelLawRu.ts.
 */
export function modelLawEn(): DocJSON {
  const b = createBuilders('en')
  const { chapter, article, clause, point, subpoint } = b

  return b.law(
    'Model Law On Combating Human Trafficking',
    [
      'Recognizing that human trafficking gravely violates human dignity and the fundamental rights and freedoms of the person, and that it is often committed by organized criminal groups operating across state borders,',
      'Seeking to give the member states a common basis for preventing this crime, punishing those who commit it, and protecting and assisting those who suffer from it, with full respect for their rights,',
      'Taking into account the international obligations of the member states and the experience of their law enforcement bodies and social services, this Law lays down the following provisions.',
    ],
    [
      chapter('General provisions'),
      article('Purpose of this Law', [
        clause(
          'This Law sets out the legal and organizational framework for preventing and combating human trafficking, for protecting and assisting its victims, and for cooperation between the competent authorities of the member states.',
        ),
      ]),
      article('Scope of this Law', [
        clause(
          'This Law applies to all forms of human trafficking, whether national or transnational and whether or not they are connected with organized crime.',
        ),
      ]),
      article('Guiding principles', [
        clause('Measures taken under this Law shall be guided by the following principles:'),
        point('respect for human rights and for the dignity of every person;'),
        point('priority of the best interests of the child;'),
        point('non-discrimination on any ground, including sex, age, nationality or migration status;'),
        point('cooperation between state bodies, civil society organizations and international organizations.'),
      ]),

      chapter('Definitions'),
      article('Definitions of terms', [
        clause('For the purposes of this Law, the following terms have the meanings given below:'),
        point(
          '“trafficking in persons” means recruiting, moving, harbouring or receiving a person by force or the threat of force, deception, abuse of authority or of a position of vulnerability, or any other coercion, for the purpose of exploitation;',
        ),
        point('“exploitation” means making use of another person for profit or any other advantage, including:'),
        subpoint('sexual exploitation;'),
        subpoint('forced labour or services, including forced begging;'),
        subpoint('slavery, servitude or any practice similar to them;'),
        subpoint('the unlawful removal of organs or tissues;'),
        point(
          '“victim” means a natural person who has suffered harm as a result of trafficking in persons, whether or not the offender has been identified or prosecuted;',
        ),
        point('“child” means a person under eighteen years of age;'),
        point(
          '“position of vulnerability” means a personal, social or economic situation that leaves a person no realistic choice other than to submit to the abuse.',
        ),
      ]),
      article('Interpretation of terms', [
        clause(
          'Terms not defined in this Chapter are used in the meanings they have in the international treaties of the member states and in their national legislation.',
        ),
      ]),

      chapter('Jurisdiction'),
      article('Territorial jurisdiction', [
        clause(
          'The courts of a member state have jurisdiction over the offences established by this Law where they are committed wholly or partly on its territory.',
        ),
        clause(
          'An offence is also deemed to be committed on the territory of a member state where it is committed on board a ship flying its flag or an aircraft registered under its laws.',
        ),
      ]),
      article('Extraterritorial jurisdiction', [
        clause('A member state may also establish its jurisdiction over an offence committed outside its territory where:'),
        point('the offence is committed by a national of that state or by a stateless person habitually resident there;'),
        point('the offence is committed against a national of that state;'),
        point('the alleged offender is present on its territory and is not extradited to another state.'),
        clause(
          'Prosecution under this Article does not depend on whether the act is punishable in the place where it was committed [if the victim is a child].',
        ),
      ]),

      chapter('Prevention'),
      article('National coordinating body', [
        clause(
          'Each member state shall designate or establish a national body responsible for coordinating the work of state bodies in combating human trafficking.',
        ),
        clause(
          'The national coordinating body shall prepare an annual report on the situation regarding human trafficking and on the implementation of this Law, and shall make it public.',
        ),
      ]),
      article('National action plan', [
        clause(
          'The national action plan against human trafficking is approved by the government for a [three-year] [five-year] period and sets out specific measures, the bodies responsible for them and their sources of funding.',
        ),
      ]),
      article('Awareness-raising and education', [
        clause(
          'State bodies, together with civil society organizations, shall inform the public, and groups at risk in particular, about the methods used by traffickers and about the assistance available to victims.',
        ),
      ]),
      article('Measures in the field of labour migration', [
        clause('Private employment agencies that recruit workers for employment abroad are subject to licensing and supervision.'),
        clause('Charging workers fees for job placement and withholding their identity documents are prohibited.'),
      ]),

      chapter('Protection of and assistance to victims'),
      article('Identification of victims', [
        clause('The competent authorities apply uniform procedures for identifying victims, approved by the national coordinating body.'),
        clause(
          'Where there are reasonable grounds to believe that a person is a victim, that person shall be treated as a victim until the identification procedure is completed.',
        ),
      ]),
      article('Non-liability [non-punishment] of victims', [
        clause(
          'A victim shall not be held liable [punished] for unlawful acts that the victim was compelled to commit as a direct consequence of having been trafficked.',
        ),
      ]),
      article('Assistance to victims', [
        clause('Victims receive assistance that is voluntary, confidential and free of charge, including:'),
        point('safe accommodation;'),
        point('medical care, including:'),
        subpoint('emergency medical care;'),
        subpoint('psychological counselling;'),
        point('legal aid and, where necessary, the services of an interpreter;'),
        point('help in finding employment, education or vocational training.'),
        clause('Assistance shall not be made conditional on the victim’s willingness to cooperate with law enforcement bodies.'),
      ]),
      article('Recovery and reflection period', [
        clause(
          'A victim who is a foreign national or a stateless person is granted a recovery and reflection period of not less than [thirty] [ninety] days, during which no expulsion decision may be enforced.',
        ),
        clause(
          'When that period expires, the victim may be issued a temporary residence permit on humanitarian grounds or in connection with criminal proceedings.',
        ),
      ]),
      article('Protection of privacy and safety', [
        clause(
          'The identity of victims and witnesses, and any information by which they could be identified, shall not be disclosed without their consent, except in the cases provided for by law.',
        ),
      ]),
      article('Child victims', [
        clause(
          'Where the age of a victim is not established and there are reasons to believe that the victim is a child, the victim is presumed to be a child until the age is established.',
        ),
        clause('An unaccompanied child victim shall be assigned a guardian without delay.'),
      ]),
      article('Compensation for harm', [
        clause(
          'Victims have the right to compensation for material and moral harm, including from the confiscated property of the offender or from a state compensation fund.',
        ),
      ]),

      chapter('Criminal provisions'),
      article('Trafficking in persons', [
        clause('Trafficking in persons is a criminal offence punishable by deprivation of liberty.'),
        clause(
          'The consent of a victim to the intended exploitation is irrelevant where any of the means referred to in Article 4 of this Law has been used.',
        ),
        clause('The penalty shall be increased where the offence:'),
        point('is committed against a child;'),
        point('is committed by an organized criminal group;'),
        point('is committed by a public official abusing his or her office;'),
        point('causes serious harm to the health of the victim or the victim’s death.'),
      ]),
      article('Liability of legal persons', [
        clause(
          'A legal person is liable for trafficking in persons committed for its benefit by a person holding a leading position within it; this does not exclude the criminal liability of natural persons.',
        ),
      ]),
      article('Confiscation of proceeds and instrumentalities', [
        clause(
          'The proceeds of trafficking in persons and property used or intended for committing it are subject to confiscation, and the funds obtained are used first of all to compensate victims.',
        ),
      ]),

      chapter('International cooperation'),
      article('Forms of international cooperation', [
        clause(
          'The competent authorities of the member states cooperate with one another and with international organizations, in particular by:',
        ),
        point('exchanging operational and statistical information;'),
        point('conducting joint investigations;'),
        point('providing mutual legal assistance and extraditing offenders;'),
        point('carrying out joint training programmes for specialists.'),
      ]),
      article('Return and repatriation of victims', [
        clause(
          'A victim is returned to the state of nationality or permanent residence with due regard for the victim’s safety and, as a rule, on a voluntary basis.',
        ),
        clause('The member states verify the identity of returning victims and issue travel documents to them without undue delay.'),
      ]),
      article('Protection of personal data in the exchange of information', [
        clause(
          'Personal data transferred under this Chapter are used only for the purposes for which they were provided and are protected in accordance with the legislation of the transferring state.',
        ),
      ]),

      chapter('Final provisions'),
      article('Relationship with international treaties', [
        clause(
          'Where an international treaty of a member state establishes rules other than those provided for by this Law, the rules of the international treaty apply.',
        ),
      ]),
      article('Entry into force', [
        clause('This Law enters into force [three] [six] months after the day of its official publication.'),
      ]),
    ],
  )
}
